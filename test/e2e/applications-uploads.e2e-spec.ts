import { request as httpRequest } from 'node:http';
import { Api, startApi, userWithRoles } from '../setup/harness';
import { applicationBody, bearer, callIn, createFund, verifiedNgo } from '../factories/grant-cycle';
import { binary } from '../setup/pdf-text';

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const metadata = (filename: string, filetype: string) =>
  `filename ${b64(filename)},filetype ${b64(filetype)}`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 0x20), Buffer.from('\n%%EOF\n')]);

/**
 * Issue 14: resumable attachments over tus (`@tus/server` behind the API's authorization). A PDF sent in
 * two chunks with a resume in between becomes an ordinary attachment; refused uploads leave nothing.
 */
describe('resumable attachments (tus)', () => {
  let api: Api;
  let fm: string;
  let fundId: string;
  beforeAll(async () => {
    api = await startApi();
    fm = (await userWithRoles(api, ['fund_manager'])).token;
    fundId = await createFund(api, { newCallTarget: 50_000_000, available: 5_000_000 });
  });
  afterAll(() => api.close());

  async function draft() {
    const call = await callIn(api, fm, fundId, 'open');
    const ngo = await verifiedNgo(api);
    const app = await api
      .http()
      .post(`/api/calls/${call}/applications`)
      .set(bearer(ngo.token))
      .send(applicationBody());
    expect(app.status).toBe(201);
    return { ngo, appId: app.body.id as string };
  }

  const create = (
    appId: string,
    token: string,
    length: number,
    meta = metadata('plan.pdf', 'application/pdf'),
  ) =>
    api
      .http()
      .post(`/api/applications/${appId}/uploads`)
      .set(bearer(token))
      .set(TUS)
      .set('upload-length', String(length))
      .set('upload-metadata', meta);

  const patch = (location: string, token: string, offset: number, bytes: Buffer) =>
    api
      .http()
      .patch(location)
      .set(bearer(token))
      .set(TUS)
      .set('upload-offset', String(offset))
      .set('content-type', 'application/offset+octet-stream')
      .send(bytes);

  const head = (location: string, token: string) => api.http().head(location).set(bearer(token)).set(TUS);

  const attachments = async (appId: string) =>
    (await api.db.query(`SELECT id FROM application_attachments WHERE application_id = $1`, [
      appId,
    ])) as unknown[];

  it('uploads a PDF in two chunks, resumes from the offset HEAD gives, and reads the attachment back', async () => {
    const { ngo, appId } = await draft();
    const created = await create(
      appId,
      ngo.token,
      PDF.length,
      metadata('Plan de projet.pdf', 'application/pdf'),
    );
    expect(created.status).toBe(201);
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    const location = created.headers.location as string;
    expect(location).toMatch(new RegExp(`^/api/applications/${appId}/uploads/[0-9a-f-]{36}$`));
    expect(created.body).toMatchObject({ location, offset: 0, size: PDF.length, attachment: null });

    const first = await patch(location, ngo.token, 0, PDF.subarray(0, 2048));
    expect(first.status).toBe(204);
    expect(first.headers['upload-offset']).toBe('2048');
    expect(await attachments(appId)).toHaveLength(0);

    // the connection broke: where does the upload stand?
    const where = await head(location, ngo.token);
    expect(where.status).toBe(204);
    expect(where.headers['upload-offset']).toBe('2048');
    expect(where.headers['upload-length']).toBe(String(PDF.length));
    expect(where.headers['cache-control']).toBe('no-store');

    // a chunk from the wrong offset is refused, and nothing changes
    const wrong = await patch(location, ngo.token, 1000, PDF.subarray(1000));
    expect(wrong.status).toBe(409);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.body.type).toBe('/problems/upload-offset-mismatch');

    const rest = await patch(location, ngo.token, 2048, PDF.subarray(2048));
    expect(rest.status).toBe(200);
    expect(rest.headers['upload-offset']).toBe(String(PDF.length));
    expect(rest.body).toMatchObject({ offset: PDF.length, size: PDF.length });
    expect(rest.body.attachment).toMatchObject({
      filename: 'Plan de projet.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });

    const down = await api
      .http()
      .get(`/api/applications/${appId}/attachments/${rest.body.attachment.id}`)
      .set(bearer(ngo.token))
      .buffer(true)
      .parse(binary);
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
    const view = await api.http().get(`/api/applications/${appId}`).set(bearer(ngo.token));
    expect(view.body.attachments.map((a: { id: string }) => a.id)).toEqual([rest.body.attachment.id]);
    // the chunks are gone once the file became an attachment
    expect((await head(location, ngo.token)).status).toBe(404);
  });

  it('resumes after a connection broken in the middle of a chunk: HEAD gives the bytes that arrived', async () => {
    const { ngo, appId } = await draft();
    const big = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(800_000, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const created = await create(appId, ngo.token, big.length);
    const location = created.headers.location as string;
    const { port } = api.app.getHttpServer().address() as { port: number };
    // the whole file announced, 300 kB sent, then the line drops
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'PATCH',
        path: location,
        headers: {
          authorization: `Bearer ${ngo.token}`,
          ...TUS,
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
          'content-length': String(big.length),
        },
      });
      req.on('error', () => resolve());
      req.write(big.subarray(0, 300_000), () =>
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 500),
      );
    });
    // The server stores what arrived once it sees the broken stream; on a loaded machine that can come
    // after the client has given up, so ask again for a while before concluding that nothing was kept.
    let where = await head(location, ngo.token);
    for (let i = 0; i < 50 && Number(where.headers['upload-offset']) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      where = await head(location, ngo.token);
    }
    expect(where.status).toBe(204);
    const offset = Number(where.headers['upload-offset']);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(300_000);
    const rest = await patch(location, ngo.token, offset, big.subarray(offset));
    expect(rest.status).toBe(200);
    const down = await api
      .http()
      .get(`/api/applications/${appId}/attachments/${rest.body.attachment.id}`)
      .set(bearer(ngo.token))
      .buffer(true)
      .parse(binary);
    expect(Buffer.compare(down.body as Buffer, big)).toBe(0);
  });

  it('lets only the NGO of the application upload: another NGO gets 404, staff 403, no token 401', async () => {
    const { ngo, appId } = await draft();
    const other = await verifiedNgo(api);
    const mine = await create(appId, ngo.token, PDF.length);
    expect(mine.status).toBe(201);
    const location = mine.headers.location as string;

    const stranger = await create(appId, other.token, PDF.length);
    expect(stranger.status).toBe(404);
    expect(stranger.body.type).toBe('/problems/not-found');
    expect((await head(location, other.token)).status).toBe(404);
    const theirPatch = await patch(location, other.token, 0, PDF);
    expect(theirPatch.status).toBe(404);
    expect((await create(appId, fm, PDF.length)).status).toBe(403);
    expect((await api.http().head(location).set(TUS)).status).toBe(401);

    // an upload of another application cannot be continued through this one
    const { ngo: ngo2, appId: app2 } = await draft();
    const theirs = await create(app2, ngo2.token, PDF.length);
    const crossed = theirs.headers.location.replace(app2, appId);
    expect((await patch(crossed, ngo.token, 0, PDF)).status).toBe(404);
    expect(await attachments(appId)).toHaveLength(0);
    expect(await attachments(app2)).toHaveLength(0);
  });

  it('refuses bytes that are no PDF, DOCX or XLSX once the file is whole (422), and keeps nothing', async () => {
    const { ngo, appId } = await draft();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(3000, 0x41)]);
    const created = await create(appId, ngo.token, exe.length);
    expect(created.status).toBe(201);
    const location = created.headers.location as string;
    expect((await patch(location, ngo.token, 0, exe.subarray(0, 1000))).status).toBe(204);
    const last = await patch(location, ngo.token, 1000, exe.subarray(1000));
    expect(last.status).toBe(422);
    expect(last.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(last.body).toMatchObject({ type: '/problems/unsupported-attachment', status: 422 });
    expect(await attachments(appId)).toHaveLength(0);
    expect((await head(location, ngo.token)).status).toBe(404);
  });

  it('refuses a declared type other than PDF, DOCX or XLSX before a byte is sent (422)', async () => {
    const { ngo, appId } = await draft();
    const res = await create(appId, ngo.token, 100, metadata('photo.png', 'image/png'));
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/unsupported-attachment');
  });

  it('refuses a file over 10 MiB at creation (413) and more bytes than declared (413)', async () => {
    const { ngo, appId } = await draft();
    const big = await create(appId, ngo.token, 10 * 1024 * 1024 + 1);
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toMatch(/application\/problem\+json/);
    const missing = await api
      .http()
      .post(`/api/applications/${appId}/uploads`)
      .set(bearer(ngo.token))
      .set(TUS)
      .set('upload-defer-length', '1');
    expect(missing.status).toBe(400);
    const small = await create(appId, ngo.token, 100);
    const over = await patch(small.headers.location as string, ngo.token, 0, PDF);
    expect(over.status).toBe(413);
    expect(await attachments(appId)).toHaveLength(0);
  });

  it('takes tus bodies on the upload routes only: elsewhere that media type is 415', async () => {
    const { ngo, appId } = await draft();
    const res = await api
      .http()
      .patch(`/api/applications/${appId}`)
      .set(bearer(ngo.token))
      .set('content-type', 'application/offset+octet-stream')
      .send(Buffer.from('{"title":"x"}'));
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses uploads to an application that is no longer a draft (409)', async () => {
    const { ngo, appId } = await draft();
    const created = await create(appId, ngo.token, PDF.length);
    expect((await api.http().post(`/api/applications/${appId}/withdraw`).set(bearer(ngo.token))).status).toBe(
      200,
    );
    expect((await create(appId, ngo.token, PDF.length)).status).toBe(409);
    const late = await patch(created.headers.location as string, ngo.token, 0, PDF);
    expect(late.status).toBe(409);
    expect(await attachments(appId)).toHaveLength(0);
  });
});
