import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LetterheadImageType } from '@app/core';

export interface FundLogo {
  fundId: string;
  mime: LetterheadImageType;
  width: number;
  height: number;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

export interface NewFundLogo extends Omit<FundLogo, 'size'> {
  content: Buffer;
  uploadedBy: string | null;
}

interface LogoRow {
  fund_id: string;
  mime: LetterheadImageType;
  width: number;
  height: number;
  size: number;
  sha256: string;
  uploaded_at: Date;
}

const LOGO_COLUMNS = `fund_id, mime, width, height, octet_length(content) AS size, sha256, uploaded_at`;

const toLogo = (r: LogoRow): FundLogo => ({
  fundId: r.fund_id,
  mime: r.mime,
  width: r.width,
  height: r.height,
  size: Number(r.size),
  sha256: r.sha256,
  uploadedAt: r.uploaded_at,
});

/** fund_logos: one letterhead image per fund. */
@Injectable()
export class FundLogoRepository {
  async find(em: EntityManager, fundId: string): Promise<FundLogo | undefined> {
    const [r]: LogoRow[] = await em.query(`SELECT ${LOGO_COLUMNS} FROM fund_logos WHERE fund_id = $1`, [
      fundId,
    ]);
    return r && toLogo(r);
  }

  async content(em: EntityManager, fundId: string): Promise<(FundLogo & { content: Buffer }) | undefined> {
    const [r]: (LogoRow & { content: Buffer })[] = await em.query(
      `SELECT ${LOGO_COLUMNS}, content FROM fund_logos WHERE fund_id = $1`,
      [fundId],
    );
    return r && { ...toLogo(r), content: r.content };
  }

  /** Stores the fund's logo, replacing the one before; returns the one it replaced (for the audit). */
  async put(em: EntityManager, logo: NewFundLogo): Promise<FundLogo | undefined> {
    const before = await this.lock(em, logo.fundId);
    await em.query(
      `INSERT INTO fund_logos (fund_id, mime, content, width, height, sha256, uploaded_at, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (fund_id) DO UPDATE SET mime = EXCLUDED.mime, content = EXCLUDED.content,
         width = EXCLUDED.width, height = EXCLUDED.height, sha256 = EXCLUDED.sha256,
         uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by`,
      [
        logo.fundId,
        logo.mime,
        logo.content,
        logo.width,
        logo.height,
        logo.sha256,
        logo.uploadedAt,
        logo.uploadedBy,
      ],
    );
    return before;
  }

  /** Deletes the fund's logo; returns what was deleted (none: nothing to delete). */
  async remove(em: EntityManager, fundId: string): Promise<FundLogo | undefined> {
    const [rows]: [LogoRow[], number] = await em.query(
      `DELETE FROM fund_logos WHERE fund_id = $1
       RETURNING fund_id, mime, width, height, octet_length(content) AS size, sha256, uploaded_at`,
      [fundId],
    );
    return rows[0] && toLogo(rows[0]);
  }

  private async lock(em: EntityManager, fundId: string): Promise<FundLogo | undefined> {
    const [r]: LogoRow[] = await em.query(
      `SELECT ${LOGO_COLUMNS} FROM fund_logos WHERE fund_id = $1 FOR UPDATE`,
      [fundId],
    );
    return r && toLogo(r);
  }
}
