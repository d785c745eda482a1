#!/usr/bin/env node
// `npm run setup:env`: writes `.env` (git-ignored) once, with random secrets, for `docker compose up`.
// It never overwrites an existing `.env`: delete it first to make new secrets (the admin is created
// only when no admin exists, so a new ADMIN_PASSWORD does not change an existing admin's password).
'use strict';
const { randomBytes } = require('node:crypto');
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = join(__dirname, '..', '.env');
if (existsSync(file)) {
  console.log(`${file} exists already; not changing it (delete it to generate new secrets).`);
  process.exit(0);
}
const random = (bytes) => randomBytes(bytes).toString('base64url');
const lines = [
  '# Written by `npm run setup:env`; never commit this file. docker compose reads it.',
  `JWT_SECRET=${random(48)}`,
  `MFA_ENCRYPTION_KEY=${random(48)}`,
  'ADMIN_EMAIL=admin@trust-fund-grants.local',
  `ADMIN_PASSWORD=${random(18)}`,
  `POSTGRES_PASSWORD=${randomBytes(24).toString('hex')}`,
  '',
];
writeFileSync(file, lines.join('\n'), { mode: 0o600, flag: 'wx' });
console.log(`wrote ${file} with random JWT_SECRET, MFA_ENCRYPTION_KEY, ADMIN_PASSWORD and POSTGRES_PASSWORD`);
console.log('the admin login is ADMIN_EMAIL / ADMIN_PASSWORD in that file');
