import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128111919 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "terminal_nonce" drop constraint if exists "terminal_nonce_terminal_id_nonce_unique";`);
    this.addSql(`alter table if exists "terminal" drop constraint if exists "terminal_key_id_unique";`);
    this.addSql(`create table if not exists "merchant" ("id" text not null, "name" text not null, "legal_name" text null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "contact_phone" text null, "settlement_account_encrypted" text null, "settlement_account_last4" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "merchant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_deleted_at" ON "merchant" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "merchant_store" ("id" text not null, "name" text not null, "address" text null, "city" text null, "latitude" real null, "longitude" real null, "hours" jsonb null, "status" text check ("status" in ('active', 'closed')) not null default 'active', "merchant_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "merchant_store_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_store_merchant_id" ON "merchant_store" ("merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_store_deleted_at" ON "merchant_store" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "terminal" ("id" text not null, "name" text not null, "key_id" text not null, "secret_encrypted" text not null, "pairing_code_hash" text null, "pairing_expires_at" timestamptz null, "status" text check ("status" in ('active', 'disabled', 'locked')) not null default 'active', "locked_at" timestamptz null, "unlocked_at" timestamptz null, "last_seen_at" timestamptz null, "store_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "terminal_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_terminal_key_id_unique" ON "terminal" ("key_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_terminal_store_id" ON "terminal" ("store_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_terminal_deleted_at" ON "terminal" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "terminal_audit" ("id" text not null, "terminal_id" text null, "key_id" text null, "action" text not null, "code_hmac" text null, "result" text not null, "http_status" integer not null, "latency_ms" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "terminal_audit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_terminal_audit_deleted_at" ON "terminal_audit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_terminal_audit_terminal_id_result_created_at" ON "terminal_audit" ("terminal_id", "result", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "terminal_nonce" ("id" text not null, "terminal_id" text not null, "nonce" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "terminal_nonce_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_terminal_nonce_deleted_at" ON "terminal_nonce" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_terminal_nonce_terminal_id_nonce_unique" ON "terminal_nonce" ("terminal_id", "nonce") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "merchant_store" add constraint "merchant_store_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade;`);

    this.addSql(`alter table if exists "terminal" add constraint "terminal_store_id_foreign" foreign key ("store_id") references "merchant_store" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "merchant_store" drop constraint if exists "merchant_store_merchant_id_foreign";`);

    this.addSql(`alter table if exists "terminal" drop constraint if exists "terminal_store_id_foreign";`);

    this.addSql(`drop table if exists "merchant" cascade;`);

    this.addSql(`drop table if exists "merchant_store" cascade;`);

    this.addSql(`drop table if exists "terminal" cascade;`);

    this.addSql(`drop table if exists "terminal_audit" cascade;`);

    this.addSql(`drop table if exists "terminal_nonce" cascade;`);
  }

}
