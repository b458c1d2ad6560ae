import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Points earned, clawed back, adjusted and expired reach the ledger as their own entries.
export class Migration20261128163000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "journal_entry" drop constraint if exists "journal_entry_kind_check";`)
    this.addSql(`alter table if exists "journal_entry" add constraint "journal_entry_kind_check" check ("kind" in ('sale', 'redemption', 'reversal', 'refund', 'expiry', 'delivery', 'payout', 'points'));`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "journal_entry" drop constraint if exists "journal_entry_kind_check";`)
    this.addSql(`alter table if exists "journal_entry" add constraint "journal_entry_kind_check" check ("kind" in ('sale', 'redemption', 'reversal', 'refund', 'expiry', 'delivery', 'payout'));`)
  }
}
