import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128111920 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "voucher_template" drop constraint if exists "voucher_template_product_variant_id_unique";`);
    this.addSql(`alter table if exists "terminal_idempotency" drop constraint if exists "terminal_idempotency_terminal_id_scope_idempotency_key_unique";`);
    this.addSql(`alter table if exists "redemption" drop constraint if exists "redemption_terminal_id_idempotency_key_unique";`);
    this.addSql(`alter table if exists "issued_voucher" drop constraint if exists "issued_voucher_line_item_id_unit_index_unique";`);
    this.addSql(`alter table if exists "issued_voucher" drop constraint if exists "issued_voucher_code_hmac_unique";`);
    this.addSql(`create table if not exists "issued_voucher" ("id" text not null, "template_id" text not null, "merchant_id" text not null, "customer_id" text null, "order_id" text null, "line_item_id" text null, "unit_index" integer not null default 0, "kind" text not null, "title" text not null, "usage" text not null, "code_hmac" text not null, "code_encrypted" text not null, "status" text check ("status" in ('active', 'partially_redeemed', 'redeemed', 'expired', 'refunded', 'void')) not null default 'active', "face_value" integer not null, "balance" integer not null, "currency_code" text not null default 'cny', "valid_from" timestamptz null, "expires_at" timestamptz null, "allowed_store_ids" jsonb not null default '{"ids":[]}', "allowed_weekdays" jsonb not null default '{"days":[]}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "issued_voucher_pkey" primary key ("id"), constraint issued_voucher_balance_range check (balance >= 0 AND balance <= face_value));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_issued_voucher_code_hmac_unique" ON "issued_voucher" ("code_hmac") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_issued_voucher_deleted_at" ON "issued_voucher" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_issued_voucher_line_item_id_unit_index_unique" ON "issued_voucher" ("line_item_id", "unit_index") WHERE line_item_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_issued_voucher_customer_id" ON "issued_voucher" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "redemption" ("id" text not null, "voucher_id" text not null, "merchant_id" text not null, "store_id" text not null, "terminal_id" text not null, "amount" integer not null, "idempotency_key" text not null, "reversed_at" timestamptz null, "reversed_by_terminal_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "redemption_pkey" primary key ("id"), constraint redemption_amount_positive check (amount > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_redemption_voucher_id" ON "redemption" ("voucher_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_redemption_deleted_at" ON "redemption" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_redemption_terminal_id_idempotency_key_unique" ON "redemption" ("terminal_id", "idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_redemption_store_id_created_at" ON "redemption" ("store_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "terminal_idempotency" ("id" text not null, "terminal_id" text not null, "scope" text not null, "idempotency_key" text not null, "request_hash" text not null, "response_status" integer not null, "response_body" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "terminal_idempotency_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_terminal_idempotency_deleted_at" ON "terminal_idempotency" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_terminal_idempotency_terminal_id_scope_idempotency_key_unique" ON "terminal_idempotency" ("terminal_id", "scope", "idempotency_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "voucher_template" ("id" text not null, "product_variant_id" text not null, "merchant_id" text not null, "kind" text check ("kind" in ('meal', 'movie', 'travel', 'mall')) not null, "title" text not null, "face_value" integer not null, "currency_code" text not null default 'cny', "usage" text check ("usage" in ('single_use', 'stored_value')) not null, "validity_type" text check ("validity_type" in ('fixed', 'days_after_purchase')) not null default 'days_after_purchase', "valid_from" timestamptz null, "valid_until" timestamptz null, "valid_days" integer null, "allowed_store_ids" jsonb not null default '{"ids":[]}', "allowed_weekdays" jsonb not null default '{"days":[]}', "refund_policy" text check ("refund_policy" in ('refundable', 'refundable_unused', 'non_refundable')) not null default 'refundable_unused', "auto_refund_on_expiry" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "voucher_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_voucher_template_product_variant_id_unique" ON "voucher_template" ("product_variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_voucher_template_deleted_at" ON "voucher_template" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "redemption" add constraint "redemption_voucher_id_foreign" foreign key ("voucher_id") references "issued_voucher" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "redemption" drop constraint if exists "redemption_voucher_id_foreign";`);

    this.addSql(`drop table if exists "issued_voucher" cascade;`);

    this.addSql(`drop table if exists "redemption" cascade;`);

    this.addSql(`drop table if exists "terminal_idempotency" cascade;`);

    this.addSql(`drop table if exists "voucher_template" cascade;`);
  }

}
