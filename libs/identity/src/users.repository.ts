import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Cursor, STAFF_ROLES } from '@app/core';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';

/** Queries of the users and organizations tables beyond an entity's findOne/save (identity context). */
@Injectable()
export class UsersRepository {
  /** Serialises the creation of the first admin across processes (to the end of the transaction). */
  async lockFirstAdmin(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('tfg:first-admin'))`);
  }

  async anyAdmin(em: EntityManager): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM users WHERE 'admin' = ANY(roles) LIMIT 1`);
    return rows.length > 0;
  }

  /** Whether a user has this e-mail address (given in lower case). */
  async emailTaken(em: EntityManager, lowerEmail: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [lowerEmail]);
    return rows.length > 0;
  }

  /**
   * Whether a donor exists. The donors table is the donors context's, but the donors lib depends on
   * identity, so identity cannot call it; this one existence check stays here.
   */
  async donorExists(em: EntityManager, donorId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM donors WHERE id = $1`, [donorId]);
    return rows.length > 0;
  }

  /** Name and roles of these users (the audit log's actors), in no particular order. */
  async labels(
    em: EntityManager,
    ids: readonly string[],
  ): Promise<{ id: string; name: string; roles: string[] }[]> {
    if (!ids.length) return [];
    return em.query(`SELECT id, name, roles FROM users WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** A user with the password hash (not selected by default), by e-mail ignoring case. */
  async withPasswordByEmail(em: EntityManager, lowerEmail: string): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: lowerEmail })
      .getOne();
  }

  /**
   * Users newest first, after the cursor; `fundIds` given (a limited admin): only the staff it may
   * manage (see outOfScope): within its funds, staff roles only.
   */
  async page(
    em: EntityManager,
    cursor: Cursor | null,
    limit: number,
    fundIds: readonly string[],
  ): Promise<User[]> {
    const qb = em
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(limit);
    if (cursor) qb.where('(u.createdAt, u.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    if (fundIds.length) {
      qb.andWhere(
        `cardinality(u.fundIds) > 0 AND u.fundIds <@ CAST(:funds AS uuid[]) AND u.roles <@ CAST(:staff AS text[])`,
        { funds: fundIds, staff: STAFF_ROLES },
      );
    }
    return qb.getMany();
  }

  /** Organizations newest first, after the cursor, optionally only the verified or the unverified. */
  async organizationsPage(
    em: EntityManager,
    cursor: Cursor | null,
    limit: number,
    verified: boolean | null,
  ): Promise<Organization[]> {
    const qb = em
      .getRepository(Organization)
      .createQueryBuilder('o')
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit);
    if (verified === true) qb.andWhere('o.verifiedAt IS NOT NULL');
    if (verified === false) qb.andWhere('o.verifiedAt IS NULL');
    if (cursor) qb.andWhere('(o.createdAt, o.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    return qb.getMany();
  }

  /** An organization's name and country (for the staff's notification), if it exists. */
  async organizationLabel(
    em: EntityManager,
    organizationId: string,
  ): Promise<{ name: string; country: string } | undefined> {
    const [row]: { name: string; country: string }[] = await em.query(
      `SELECT name, country FROM organizations WHERE id = $1`,
      [organizationId],
    );
    return row;
  }
}
