import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Role } from '@app/core';
import type { Locale } from './accounts/locales';

const PERSON_COLUMNS = `id, email, name, roles, organization_id, active, locale, is_org_admin, awaiting_confirmation`;

interface PersonRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organization_id: string | null;
  active: boolean;
  locale: Locale;
  is_org_admin: boolean;
  awaiting_confirmation: boolean;
}

/** The account facts the people flows (registration, invitations, teams) decide on. */
export interface Person {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  active: boolean;
  locale: Locale;
  isOrgAdmin: boolean;
  awaitingConfirmation: boolean;
}

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    roles: r.roles,
    organizationId: r.organization_id,
    active: r.active,
    locale: r.locale,
    isOrgAdmin: r.is_org_admin,
    awaitingConfirmation: r.awaiting_confirmation,
  };
}

/** SQL on the users table for the people flows (the entity-based CRUD stays in UsersService). */
@Injectable()
export class PeopleRepository {
  async byEmail(em: EntityManager, email: string): Promise<Person | undefined> {
    const [r]: PersonRow[] = await em.query(
      `SELECT ${PERSON_COLUMNS} FROM users WHERE lower(email) = lower($1)`,
      [email.trim()],
    );
    return r && toPerson(r);
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<Person | undefined> {
    const [r]: PersonRow[] = await em.query(
      `SELECT ${PERSON_COLUMNS} FROM users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return r && toPerson(r);
  }

  /** Members of one organization, oldest first (a team is small: no paging needed beyond 500). */
  async members(em: EntityManager, organizationId: string): Promise<Person[]> {
    const rows: PersonRow[] = await em.query(
      `SELECT ${PERSON_COLUMNS} FROM users WHERE organization_id = $1 ORDER BY created_at, id LIMIT 500`,
      [organizationId],
    );
    return rows.map(toPerson);
  }

  async confirm(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE users SET active = true, awaiting_confirmation = false WHERE id = $1`, [id]);
  }

  /** Moves the admin flag of an organization from one member to another (one statement: the unique index holds). */
  async handAdmin(em: EntityManager, organizationId: string, from: string, to: string): Promise<void> {
    await em.query(
      `UPDATE users SET is_org_admin = (id = $3) WHERE organization_id = $1 AND id IN ($2, $3)`,
      [organizationId, from, to],
    );
  }

  async updateProfile(
    em: EntityManager,
    id: string,
    changes: { name?: string; locale?: Locale },
  ): Promise<void> {
    await em.query(
      `UPDATE users SET name = coalesce($2, name), locale = coalesce($3, locale), updated_at = now() WHERE id = $1`,
      [id, changes.name ?? null, changes.locale ?? null],
    );
  }
}
