import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, MailLinkTokens } from '@bisang/auth';
import { invalidToken } from '../auth/auth.errors';
import { CompaniesRepository, CompanyInvitationsRepository, UsersRepository } from '@bisang/database';
import { companyNotFound, invitationExpired, invitationNotFound, lastStaffMember, notCompanyStaff } from './companies.errors';
import { CompanyDto, CreateCompanyDto, StaffListDto } from './dto/company.dto';
import { CompanyInvitationDto, CompanyInvitationListDto, InvitationAcceptedDto, InvitationCreatedDto, MyInvitationDto, MyInvitationListDto } from './dto/invitation.dto';

/** How long an invitation waits for its answer. */
const INVITATION_TTL_MS = 7 * 24 * 3600_000;

@Injectable()
export class CompaniesService {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly invitations: CompanyInvitationsRepository,
    private readonly users: UsersRepository,
    private readonly links: MailLinkTokens,
  ) {}

  async create(dto: CreateCompanyDto, recruiter: AuthenticatedUser): Promise<CompanyDto> {
    const company = await this.companies.createWithStaff(
      { name: dto.name, industry: dto.industry ?? null, region: dto.region ?? null, size: dto.size ?? null },
      recruiter.id,
    );
    return CompanyDto.from(company);
  }

  async mine(recruiter: AuthenticatedUser): Promise<CompanyDto[]> {
    return (await this.companies.listForUser(recruiter.id)).map(CompanyDto.from);
  }

  private async requireStaff(companyId: string, caller: AuthenticatedUser): Promise<void> {
    if (!(await this.companies.findById(companyId))) throw companyNotFound();
    if (!(await this.companies.isStaff(companyId, caller.id))) throw notCompanyStaff();
  }

  async staff(companyId: string, caller: AuthenticatedUser): Promise<StaffListDto> {
    await this.requireStaff(companyId, caller);
    const rows = await this.companies.listStaff(companyId);
    return { items: rows.map((r) => ({ userId: r.userId, name: r.name, addedAt: new Date(r.addedAt).toISOString() })) };
  }

  /**
   * Staff invite an address to join the company. The answer is the same whether or not the address has an account,
   * is a recruiter or is already staff: nothing about it is revealed, and nothing of the company reaches it until accepted.
   */
  async invite(companyId: string, email: string, caller: AuthenticatedUser): Promise<InvitationCreatedDto> {
    await this.requireStaff(companyId, caller);
    const invitation = await this.invitations.invite(companyId, email, caller.id, new Date(Date.now() + INVITATION_TTL_MS));
    return { id: invitation.id, status: 'pending' };
  }

  async pendingInvitations(companyId: string, caller: AuthenticatedUser): Promise<CompanyInvitationListDto> {
    await this.requireStaff(companyId, caller);
    const rows = await this.invitations.listPendingForCompany(companyId, new Date());
    return { items: rows.map(CompanyInvitationDto.from), nextCursor: null };
  }

  async cancelInvitation(companyId: string, invitationId: string, caller: AuthenticatedUser): Promise<void> {
    await this.requireStaff(companyId, caller);
    if (!(await this.invitations.cancel(companyId, invitationId, new Date()))) throw invitationNotFound();
  }

  /** The caller's pending invitations (addressed to their e-mail). */
  async myInvitations(caller: AuthenticatedUser): Promise<MyInvitationListDto> {
    const email = await this.emailOf(caller);
    return { items: (await this.invitations.listPendingForEmail(email, new Date())).map(MyInvitationDto.from), nextCursor: null };
  }

  /** The invitee accepts and joins the company's staff. An invitation to another address is "not found". */
  async accept(invitationId: string, caller: AuthenticatedUser): Promise<InvitationAcceptedDto> {
    const email = await this.emailOf(caller);
    const result = await this.invitations.accept(invitationId, email, caller.id, new Date());
    if (result.outcome === 'not-found') throw invitationNotFound();
    if (result.outcome === 'expired') throw invitationExpired();
    return { id: invitationId, status: 'accepted', companyId: result.companyId! };
  }

  /**
   * The accept link of the invitation mail (`/invitations/accept?token=…`), followed once signed in as the invited
   * address: a forged or expired token is 400 INVALID_TOKEN, an invitation to another address "not found".
   */
  async acceptByToken(token: string, caller: AuthenticatedUser): Promise<InvitationAcceptedDto> {
    const claims = this.links.readInvitation(token);
    if (!claims) throw invalidToken();
    return this.accept(claims.invitationId, caller);
  }

  async decline(invitationId: string, caller: AuthenticatedUser): Promise<void> {
    const email = await this.emailOf(caller);
    if (!(await this.invitations.decline(invitationId, email, new Date()))) throw invitationNotFound();
  }

  /** The caller stops acting for the company, unless they are its last staff member. */
  async leave(companyId: string, caller: AuthenticatedUser): Promise<void> {
    const outcome = await this.companies.leave(companyId, caller.id);
    if (outcome === 'not-staff') throw companyNotFound();
    if (outcome === 'last-staff') throw lastStaffMember();
  }

  private async emailOf(caller: AuthenticatedUser): Promise<string> {
    const user = await this.users.findById(caller.id);
    if (!user) throw invitationNotFound();
    return user.email;
  }
}
