import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { BoothsRepository, FairsRepository, isFairVisibleTo } from '@bisang/database';

/** Who may follow which fair and how a socket counts at a booth. */
@Injectable()
export class FairAccess {
  constructor(
    private readonly fairs: FairsRepository,
    private readonly booths: BoothsRepository,
  ) {}

  /** Published fairs are public; drafts only for organizers. */
  async canFollow(fairId: string, user?: AuthenticatedUser): Promise<boolean> {
    return isFairVisibleTo(await this.fairs.findById(fairId), user?.role);
  }

  /** Organizers follow a fair's KPIs live (`kpi:update`), as they read them over HTTP. */
  seesKpis(user?: AuthenticatedUser): boolean {
    return user?.role === 'organizer';
  }

  /** 'recruiters' for the booth's own staff, 'visitors' for anyone else; null when the booth is not public. */
  async boothRole(boothId: string, user?: AuthenticatedUser): Promise<'visitors' | 'recruiters' | null> {
    const booth = await this.booths.findById(boothId);
    if (!booth) return null;
    const staff = !!user && user.role === 'recruiter' && (await this.booths.isStaff(boothId, user.id));
    if (staff) return 'recruiters';
    return booth.status === 'approved' ? 'visitors' : null;
  }
}
