import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128130126 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "rights_refund" drop constraint if exists "rights_refund_refund_key_unique";`);
    this.addSql(`alter table if exists "points_rule" drop constraint if exists "points_rule_scene_unique";`);
    this.addSql(`alter table if exists "points_entry" drop constraint if exists "points_entry_posting_key_unique";`);
    this.addSql(`alter table if exists "points_account" drop constraint if exists "points_account_customer_id_unique";`);
    this.addSql(`alter table if exists "order_line_funding" drop constraint if exists "order_line_funding_line_item_id_unique";`);
    this.addSql(`alter table if exists "cart_rights" drop constraint if exists "cart_rights_cart_id_unique";`);
    this.addSql(`alter table if exists "benefit_usage" drop constraint if exists "benefit_usage_cart_id_unique";`);
    this.addSql(`alter table if exists "benefit_quota" drop constraint if exists "benefit_quota_program_id_customer_id_period_key_unique";`);
    this.addSql(`create table if not exists "benefit_program" ("id" text not null, "name" text not null, "description" text null, "customer_group_id" text not null, "scope_type" text check ("scope_type" in ('scene', 'category', 'product')) not null, "scope_value" text not null, "kind" text check ("kind" in ('fixed_price', 'percent_off', 'amount_off')) not null, "value" integer not null, "cap" integer null, "quota" integer not null, "quota_period" text check ("quota_period" in ('day', 'week', 'month')) not null, "funder" text check ("funder" in ('platform', 'merchant')) not null, "weekdays" jsonb null, "starts_at" timestamptz null, "ends_at" timestamptz null, "status" text check ("status" in ('active', 'paused')) not null default 'active', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "benefit_program_pkey" primary key ("id"), constraint benefit_program_value_positive check (value > 0), constraint benefit_program_quota_positive check (quota > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_benefit_program_deleted_at" ON "benefit_program" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_benefit_program_customer_group_id" ON "benefit_program" ("customer_group_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "benefit_quota" ("id" text not null, "program_id" text not null, "customer_id" text not null, "period_key" text not null, "used" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "benefit_quota_pkey" primary key ("id"), constraint benefit_quota_used_not_negative check (used >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_benefit_quota_deleted_at" ON "benefit_quota" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_benefit_quota_program_id_customer_id_period_key_unique" ON "benefit_quota" ("program_id", "customer_id", "period_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "benefit_usage" ("id" text not null, "program_id" text not null, "customer_id" text not null, "period_key" text not null, "cart_id" text not null, "order_id" text null, "value" integer not null, "funder" text check ("funder" in ('platform', 'merchant')) not null, "status" text check ("status" in ('taken', 'released', 'restored')) not null default 'taken', "quota_returned" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "benefit_usage_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_benefit_usage_deleted_at" ON "benefit_usage" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_benefit_usage_cart_id_unique" ON "benefit_usage" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_benefit_usage_customer_id_created_at" ON "benefit_usage" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "cart_rights" ("id" text not null, "cart_id" text not null, "customer_id" text not null, "points" integer not null default 0, "points_value" integer not null default 0, "benefit_program_id" text null, "benefit_value" integer not null default 0, "status" text check ("status" in ('applied', 'taken')) not null default 'applied', "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cart_rights_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cart_rights_deleted_at" ON "cart_rights" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cart_rights_cart_id_unique" ON "cart_rights" ("cart_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_line_funding" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "customer_id" text null, "quantity" integer not null, "total" integer not null, "cash" integer not null, "points_value" integer not null, "benefit_value" integer not null, "benefit_program_id" text null, "benefit_funder" text check ("benefit_funder" in ('platform', 'merchant')) null, "units_refunded" integer not null default 0, "cash_refunded" integer not null default 0, "points_refunded" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_line_funding_pkey" primary key ("id"), constraint order_line_funding_parts_sum check (cash + points_value + benefit_value = total), constraint order_line_funding_parts_not_negative check (cash >= 0 AND points_value >= 0 AND benefit_value >= 0), constraint order_line_funding_units_in_range check (units_refunded >= 0 AND units_refunded <= quantity));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_funding_deleted_at" ON "order_line_funding" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_line_funding_line_item_id_unique" ON "order_line_funding" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_line_funding_order_id" ON "order_line_funding" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_account" ("id" text not null, "customer_id" text not null, "balance" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_account_pkey" primary key ("id"), constraint points_account_balance_not_negative check (balance >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_account_deleted_at" ON "points_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_points_account_customer_id_unique" ON "points_account" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_entry" ("id" text not null, "account_id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('earn', 'burn', 'release', 'refund', 'clawback', 'expire', 'adjust')) not null, "points" integer not null, "balance_after" integer not null, "posting_key" text not null, "order_id" text null, "cart_id" text null, "reason" text null, "operator_id" text null, "lots" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_entry_pkey" primary key ("id"), constraint points_entry_balance_after_not_negative check (balance_after >= 0), constraint points_entry_points_not_zero check (points <> 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_deleted_at" ON "points_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_points_entry_posting_key_unique" ON "points_entry" ("posting_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_customer_id_created_at" ON "points_entry" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_entry_order_id" ON "points_entry" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_lot" ("id" text not null, "account_id" text not null, "customer_id" text not null, "entry_id" text not null, "points" integer not null, "remaining" integer not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_lot_pkey" primary key ("id"), constraint points_lot_remaining_in_range check (remaining >= 0 AND remaining <= points));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_deleted_at" ON "points_lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_account_id_expires_at" ON "points_lot" ("account_id", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_lot_expires_at" ON "points_lot" ("expires_at") WHERE remaining > 0 AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "points_rule" ("id" text not null, "scene" text not null, "max_burn_bps" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "points_rule_pkey" primary key ("id"), constraint points_rule_bps_range check (max_burn_bps >= 0 AND max_burn_bps <= 10000));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_points_rule_deleted_at" ON "points_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_points_rule_scene_unique" ON "points_rule" ("scene") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "rights_refund" ("id" text not null, "refund_key" text not null, "order_id" text not null, "line_item_id" text not null, "cash" integer not null, "points" integer not null, "clawed_back" integer not null, "quota_restored" boolean not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rights_refund_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rights_refund_deleted_at" ON "rights_refund" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_rights_refund_refund_key_unique" ON "rights_refund" ("refund_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rights_refund_order_id" ON "rights_refund" ("order_id") WHERE deleted_at IS NULL;`);

    // the points ledger is append-only: corrections are new entries, never edits
    this.addSql(`CREATE OR REPLACE FUNCTION points_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'points_entry is append-only (% refused)', TG_OP; END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS points_entry_append_only ON "points_entry";`);
    this.addSql(`CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON "points_entry" FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "benefit_program" cascade;`);

    this.addSql(`drop table if exists "benefit_quota" cascade;`);

    this.addSql(`drop table if exists "benefit_usage" cascade;`);

    this.addSql(`drop table if exists "cart_rights" cascade;`);

    this.addSql(`drop table if exists "order_line_funding" cascade;`);

    this.addSql(`drop table if exists "points_account" cascade;`);

    this.addSql(`drop table if exists "points_entry" cascade;`);
    this.addSql(`drop function if exists points_entry_append_only();`);

    this.addSql(`drop table if exists "points_lot" cascade;`);

    this.addSql(`drop table if exists "points_rule" cascade;`);

    this.addSql(`drop table if exists "rights_refund" cascade;`);
  }

}
