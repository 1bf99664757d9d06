/**
 * SQLite migrations, numbered. Never edit a released one: add the next number. Applied in order at
 * start by migrate.ts, each in its own transaction, and recorded in schema_migrations.
 */
import type { Migration } from '../migrate.js';

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE images (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ref TEXT NOT NULL UNIQUE,
  digest TEXT,
  source_kind TEXT NOT NULL,
  os_managed_upstream INTEGER NOT NULL DEFAULT 0,
  registered_at TEXT NOT NULL,
  last_scan_at TEXT
);
CREATE TABLE sboms (
  image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
  format TEXT NOT NULL,
  inventory TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE scans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  scanned_at TEXT NOT NULL,
  advisory_stamp TEXT,
  reason TEXT NOT NULL,
  findings INTEGER NOT NULL
);
CREATE INDEX scans_image ON scans(image_id, id);
CREATE TABLE findings (
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  vuln_id TEXT NOT NULL,
  pkg TEXT NOT NULL,
  path TEXT NOT NULL,
  severity TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (image_id, vuln_id, pkg, path)
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  image_id INTEGER,
  image_ref TEXT,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX events_image ON events(image_id, id);
CREATE TABLE tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  format TEXT NOT NULL,
  events TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  last_status INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (webhook_id, event_id)
);
CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);
CREATE TABLE watches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  repository TEXT NOT NULL,
  tag_pattern TEXT NOT NULL,
  os_managed_upstream INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  last_polled_at TEXT,
  last_error TEXT,
  UNIQUE (repository, tag_pattern)
);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'image details and severity history',
    sql: `
CREATE TABLE image_details (
  image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
  layers TEXT NOT NULL,
  config_findings TEXT NOT NULL,
  secrets TEXT NOT NULL,
  warnings TEXT NOT NULL,
  scanned_at TEXT NOT NULL
);
ALTER TABLE scans ADD COLUMN by_severity TEXT;
CREATE INDEX scans_time ON scans(scanned_at);
`,
  },
];
