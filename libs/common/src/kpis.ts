export type { FairKpis, KpiRetention, KpiDay, KpiCompany } from '@bisang/contracts';
