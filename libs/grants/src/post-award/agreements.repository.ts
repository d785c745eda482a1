import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type Party = 'ngo' | 'fund_manager';

export interface AgreementVersion {
  version: number;
  sha256: string;
  language: string;
  generatedAt: Date;
}

export interface Signature {
  version: number;
  party: Party;
  userId: string;
  signedAt: Date;
  address: string | null;
  sha256: string;
}

interface AgreementRow {
  version: number;
  sha256: string;
  language: string;
  generated_at: Date;
}
interface SignatureRow {
  version: number;
  party: Party;
  user_id: string;
  signed_at: Date;
  address: string | null;
  sha256: string;
}

const toVersion = (r: AgreementRow): AgreementVersion => ({
  version: r.version,
  sha256: r.sha256,
  language: r.language,
  generatedAt: r.generated_at,
});
const toSignature = (r: SignatureRow): Signature => ({
  version: r.version,
  party: r.party,
  userId: r.user_id,
  signedAt: r.signed_at,
  address: r.address,
  sha256: r.sha256,
});

/** grant_agreements (the generated PDFs, one row per version) and grant_signatures. */
@Injectable()
export class AgreementsRepository {
  async latest(em: EntityManager, grantId: string): Promise<AgreementVersion | undefined> {
    const [r]: AgreementRow[] = await em.query(
      `SELECT version, sha256, language, generated_at FROM grant_agreements WHERE grant_id = $1
       ORDER BY version DESC LIMIT 1`,
      [grantId],
    );
    return r && toVersion(r);
  }

  async versions(em: EntityManager, grantId: string): Promise<AgreementVersion[]> {
    const rows: AgreementRow[] = await em.query(
      `SELECT version, sha256, language, generated_at FROM grant_agreements WHERE grant_id = $1 ORDER BY version`,
      [grantId],
    );
    return rows.map(toVersion);
  }

  async pdf(em: EntityManager, grantId: string, version: number): Promise<Buffer | undefined> {
    const [r]: { pdf: Buffer }[] = await em.query(
      `SELECT pdf FROM grant_agreements WHERE grant_id = $1 AND version = $2`,
      [grantId, version],
    );
    return r?.pdf;
  }

  async insert(
    em: EntityManager,
    grantId: string,
    v: AgreementVersion,
    pdf: Buffer,
    data?: object,
  ): Promise<void> {
    await em.query(
      `INSERT INTO grant_agreements (grant_id, version, sha256, language, generated_at, pdf, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [grantId, v.version, v.sha256, v.language, v.generatedAt, pdf, data ? JSON.stringify(data) : null],
    );
  }

  /** What a version was generated from (null: generated before this was kept). */
  async renderData(em: EntityManager, grantId: string, version: number): Promise<unknown> {
    const [r]: { data: unknown }[] = await em.query(
      `SELECT data FROM grant_agreements WHERE grant_id = $1 AND version = $2`,
      [grantId, version],
    );
    return r?.data ?? null;
  }

  async signatures(em: EntityManager, grantId: string): Promise<Signature[]> {
    const rows: SignatureRow[] = await em.query(
      `SELECT version, party, user_id, signed_at, address, sha256 FROM grant_signatures WHERE grant_id = $1
       ORDER BY version, signed_at`,
      [grantId],
    );
    return rows.map(toSignature);
  }

  async sign(em: EntityManager, grantId: string, s: Signature): Promise<void> {
    await em.query(
      `INSERT INTO grant_signatures (grant_id, version, party, user_id, signed_at, address, sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [grantId, s.version, s.party, s.userId, s.signedAt, s.address, s.sha256],
    );
  }
}
