import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128133708 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "voucher_value" drop constraint if exists "voucher_value_voucher_id_unique";`);
    this.addSql(`alter table if exists "settlement_line" drop constraint if exists "settlement_line_posting_key_unique";`);
    this.addSql(`alter table if exists "settlement_day" drop constraint if exists "settlement_day_business_date_unique";`);
    this.addSql(`alter table if exists "settlement_batch" drop constraint if exists "settlement_batch_merchant_id_business_date_unique";`);
    this.addSql(`alter table if exists "merchant_contract" drop constraint if exists "merchant_contract_merchant_id_unique";`);
    this.addSql(`alter table if exists "ledger_account" drop constraint if exists "ledger_account_code_unique";`);
    this.addSql(`alter table if exists "journal_entry" drop constraint if exists "journal_entry_posting_key_unique";`);
    this.addSql(`alter table if exists "commission_rate" drop constraint if exists "commission_rate_scope_type_scope_id_effective_from_unique";`);
    this.addSql(`create table if not exists "commission_rate" ("id" text not null, "scope_type" text check ("scope_type" in ('global', 'merchant', 'category', 'product')) not null, "scope_id" text null, "kind" text check ("kind" in ('percentage', 'fixed')) not null, "value" integer not null, "effective_from" text not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_rate_pkey" primary key ("id"), constraint commission_rate_value_range check (value >= 0 AND (kind <> 'percentage' OR value <= 10000)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rate_deleted_at" ON "commission_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commission_rate_scope_type_scope_id_effective_from_unique" ON "commission_rate" ("scope_type", "scope_id", "effective_from") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "journal_entry" ("id" text not null, "posting_key" text not null, "kind" text check ("kind" in ('sale', 'redemption', 'reversal', 'refund', 'expiry', 'delivery', 'payout')) not null, "business_date" text not null, "merchant_id" text null, "order_id" text null, "voucher_id" text null, "source_id" text null, "memo" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "journal_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_journal_entry_deleted_at" ON "journal_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_journal_entry_posting_key_unique" ON "journal_entry" ("posting_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_journal_entry_business_date" ON "journal_entry" ("business_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_journal_entry_merchant_id_business_date" ON "journal_entry" ("merchant_id", "business_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "journal_line" ("id" text not null, "entry_id" text not null, "account_code" text not null, "merchant_id" text null, "amount" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "journal_line_pkey" primary key ("id"), constraint journal_line_amount_not_zero check (amount <> 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_journal_line_deleted_at" ON "journal_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_journal_line_entry_id" ON "journal_line" ("entry_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_journal_line_account_code" ON "journal_line" ("account_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "ledger_account" ("id" text not null, "code" text not null, "name" text not null, "type" text check ("type" in ('asset', 'liability', 'revenue', 'expense')) not null, "merchant_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ledger_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ledger_account_deleted_at" ON "ledger_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ledger_account_code_unique" ON "ledger_account" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "merchant_contract" ("id" text not null, "merchant_id" text not null, "breakage" text check ("breakage" in ('platform', 'merchant')) not null default 'platform', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "merchant_contract_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_merchant_contract_deleted_at" ON "merchant_contract" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_merchant_contract_merchant_id_unique" ON "merchant_contract" ("merchant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "settlement_batch" ("id" text not null, "merchant_id" text not null, "business_date" text not null, "status" text check ("status" in ('calculated', 'approved', 'paid', 'failed')) not null default 'calculated', "line_count" integer not null default 0, "gross_amount" integer not null default 0, "commission_amount" integer not null default 0, "merchant_funded_amount" integer not null default 0, "net_amount" integer not null default 0, "currency_code" text not null default 'cny', "calculated_at" timestamptz null, "approved_at" timestamptz null, "approved_by" text null, "paid_at" timestamptz null, "paid_by" text null, "payout_reference" text null, "failed_at" timestamptz null, "failed_by" text null, "failure_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "settlement_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_settlement_batch_deleted_at" ON "settlement_batch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_settlement_batch_merchant_id_business_date_unique" ON "settlement_batch" ("merchant_id", "business_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_settlement_batch_business_date_status" ON "settlement_batch" ("business_date", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "settlement_day" ("id" text not null, "business_date" text not null, "closed_at" timestamptz not null, "batch_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "settlement_day_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_settlement_day_deleted_at" ON "settlement_day" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_settlement_day_business_date_unique" ON "settlement_day" ("business_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "settlement_line" ("id" text not null, "posting_key" text not null, "merchant_id" text not null, "kind" text check ("kind" in ('redemption', 'reversal', 'breakage', 'delivery')) not null, "business_date" text not null, "settle_date" text not null, "order_id" text null, "voucher_id" text null, "source_id" text null, "gross" integer not null, "commission" integer not null, "merchant_funded" integer not null, "net" integer not null, "commission_rate_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "settlement_line_pkey" primary key ("id"), constraint settlement_line_net check (net = gross - commission - merchant_funded));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_settlement_line_deleted_at" ON "settlement_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_settlement_line_posting_key_unique" ON "settlement_line" ("posting_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_settlement_line_settle_date_merchant_id" ON "settlement_line" ("settle_date", "merchant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_settlement_line_merchant_id_created_at" ON "settlement_line" ("merchant_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "voucher_value" ("id" text not null, "voucher_id" text not null, "merchant_id" text not null, "order_id" text null, "face_value" integer not null, "sale_value" integer not null, "cash" integer not null, "points_value" integer not null, "benefit_value" integer not null, "benefit_funder" text null, "merchant_funded" integer not null, "gross_posted" integer not null default 0, "merchant_funded_posted" integer not null default 0, "fixed_commission" integer not null default 0, "commission_posted" integer not null default 0, "closed" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "voucher_value_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_voucher_value_deleted_at" ON "voucher_value" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_voucher_value_voucher_id_unique" ON "voucher_value" ("voucher_id") WHERE deleted_at IS NULL;`);

    // the journal is append-only, and every entry balances when its transaction commits
    this.addSql(`CREATE OR REPLACE FUNCTION settlement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP; END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS journal_line_append_only ON "journal_line";`);
    this.addSql(`CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON "journal_line" FOR EACH ROW EXECUTE FUNCTION settlement_append_only();`);
    this.addSql(`DROP TRIGGER IF EXISTS journal_entry_append_only ON "journal_entry";`);
    this.addSql(`CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON "journal_entry" FOR EACH ROW EXECUTE FUNCTION settlement_append_only();`);
    this.addSql(`CREATE OR REPLACE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT COALESCE(sum(amount), 0) FROM journal_line WHERE entry_id = NEW.entry_id) <> 0 THEN
          RAISE EXCEPTION 'journal entry % does not sum to zero', NEW.entry_id;
        END IF;
        RETURN NULL;
      END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS journal_line_balanced ON "journal_line";`);
    this.addSql(`CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON "journal_line" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists settlement_append_only() cascade;`);
    this.addSql(`drop function if exists journal_entry_balanced() cascade;`);
    this.addSql(`drop table if exists "commission_rate" cascade;`);

    this.addSql(`drop table if exists "journal_entry" cascade;`);

    this.addSql(`drop table if exists "journal_line" cascade;`);

    this.addSql(`drop table if exists "ledger_account" cascade;`);

    this.addSql(`drop table if exists "merchant_contract" cascade;`);

    this.addSql(`drop table if exists "settlement_batch" cascade;`);

    this.addSql(`drop table if exists "settlement_day" cascade;`);

    this.addSql(`drop table if exists "settlement_line" cascade;`);

    this.addSql(`drop table if exists "voucher_value" cascade;`);
  }

}
