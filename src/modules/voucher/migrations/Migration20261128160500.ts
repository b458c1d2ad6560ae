import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128160500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "issued_voucher" add column if not exists "details" jsonb null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "issued_voucher" drop column if exists "details";`)
  }
}
