import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Cursor, Role } from '@app/core';
import type { Locale } from '../accounts/locales';

const INVITATION_COLUMNS = `id, email, roles, organization_id, donor_id, fund_ids, locale, invited_by,
  created_at, accepted_at, revoked_at`;

interface InvitationRow {
  id: string;
  email: string;
  roles: Role[];
  organization_id: string | null;
  donor_id: string | null;
  fund_ids: string[];
  locale: Locale;
  invited_by: string | null;
  created_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface Invitation {
  id: string;
  email: string;
  roles: Role[];
  organizationId: string | null;
  donorId: string | null;
  fundIds: string[];
  locale: Locale;
  invitedBy: string | null;
  createdAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

function toInvitation(r: InvitationRow): Invitation {
  return {
    id: r.id,
    email: r.email,
    roles: r.roles,
    organizationId: r.organization_id,
    donorId: r.donor_id,
    fundIds: r.fund_ids ?? [],
    locale: r.locale,
    invitedBy: r.invited_by,
    createdAt: r.created_at,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
  };
}

@Injectable()
export class InvitationsRepository {
  async insert(
    em: EntityManager,
    i: Omit<Invitation, 'id' | 'acceptedAt' | 'revokedAt'>,
  ): Promise<Invitation> {
    const [r]: InvitationRow[] = await em.query(
      `INSERT INTO invitations (email, roles, organization_id, donor_id, fund_ids, locale, invited_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${INVITATION_COLUMNS}`,
      [i.email, i.roles, i.organizationId, i.donorId, i.fundIds, i.locale, i.invitedBy, i.createdAt],
    );
    return toInvitation(r);
  }

  async lock(em: EntityManager, id: string): Promise<Invitation | undefined> {
    const [r]: InvitationRow[] = await em.query(
      `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return r && toInvitation(r);
  }

  /** Pending (neither accepted nor revoked) invitations, newest first, of one organization or all. */
  async pending(
    em: EntityManager,
    f: { organizationId: string | null; cursor: Cursor | null; limit: number },
  ): Promise<Invitation[]> {
    const rows: InvitationRow[] = await em.query(
      `SELECT ${INVITATION_COLUMNS} FROM invitations
       WHERE accepted_at IS NULL AND revoked_at IS NULL
         AND ($1::uuid IS NULL OR organization_id = $1)
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [f.organizationId, f.cursor?.at ?? null, f.cursor?.id ?? null, f.limit],
    );
    return rows.map(toInvitation);
  }

  async markAccepted(em: EntityManager, id: string, userId: string, at: Date): Promise<void> {
    await em.query(`UPDATE invitations SET accepted_at = $2, accepted_user_id = $3 WHERE id = $1`, [
      id,
      at,
      userId,
    ]);
  }

  async markRevoked(em: EntityManager, id: string, at: Date): Promise<Invitation> {
    await em.query(`UPDATE invitations SET revoked_at = $2 WHERE id = $1`, [id, at]);
    return (await this.lock(em, id))!;
  }
}
