import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// What settlement needs to price a voucher's redemptions (its product and categories pick the
// commission rate), kept beside its value so posting a busy card reads no order or product again.
export class Migration20261128161500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "voucher_value" add column if not exists "product_id" text null, add column if not exists "category_ids" jsonb null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "voucher_value" drop column if exists "product_id", drop column if exists "category_ids";`)
  }
}
