import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "travel_package" ("id" text not null, "handle" text not null, "variant_id" text null, "merchant_id" text null, "title" text not null, "subtitle" text null, "destination" text not null, "city" text not null, "days" integer not null, "nights" integer not null default 0, "summary" text null, "itinerary" jsonb not null default '{"days":[]}', "inclusions" jsonb not null default '{"included":[],"excluded":[]}', "images" jsonb not null default '{"urls":[]}', "cancellation_tiers" jsonb not null default '{"tiers":[]}', "status" text check ("status" in ('published', 'draft')) not null default 'published', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "travel_package_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_travel_package_handle_unique" ON "travel_package" ("handle") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_package_deleted_at" ON "travel_package" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "travel_departure" ("id" text not null, "package_id" text not null, "date" text not null, "capacity" integer not null, "sold" integer not null default 0, "price_adult" integer not null, "price_child" integer not null, "price_senior" integer not null, "single_supplement" integer not null default 0, "status" text check ("status" in ('open', 'closed')) not null default 'open', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "travel_departure_pkey" primary key ("id"), constraint travel_departure_sold_range check ("sold" >= 0 AND "sold" <= "capacity"), constraint travel_departure_prices check ("price_adult" >= 0 AND "price_child" >= 0 AND "price_senior" >= 0 AND "single_supplement" >= 0));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_travel_departure_package_id_date_unique" ON "travel_departure" ("package_id", "date") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_departure_date" ON "travel_departure" ("date") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_departure_deleted_at" ON "travel_departure" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "travel_hold" ("id" text not null, "departure_id" text not null, "cart_id" text not null, "quantity" integer not null, "expires_at" timestamptz not null, "status" text check ("status" in ('active', 'sold', 'released', 'expired')) not null default 'active', "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "travel_hold_pkey" primary key ("id"), constraint travel_hold_quantity_positive check ("quantity" > 0));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_hold_departure_id_status" ON "travel_hold" ("departure_id", "status") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_hold_cart_id" ON "travel_hold" ("cart_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_hold_deleted_at" ON "travel_hold" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "travel_traveller" ("id" text not null, "hold_id" text not null, "departure_id" text not null, "cart_id" text not null, "line_item_id" text null, "order_id" text null, "type" text check ("type" in ('adult', 'child', 'senior')) not null, "name" text not null, "id_type" text not null, "id_number_encrypted" text not null, "id_number_masked" text not null, "id_number_hmac" text not null, "phone_encrypted" text not null, "phone_masked" text not null, "single_room" boolean not null default false, "unit_price" integer not null, "status" text check ("status" in ('held', 'booked', 'released', 'cancelled')) not null default 'held', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "travel_traveller_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_traveller_hold_id" ON "travel_traveller" ("hold_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_traveller_line_item_id" ON "travel_traveller" ("line_item_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_traveller_departure_id_status" ON "travel_traveller" ("departure_id", "status") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_travel_traveller_departure_id_id_number_hmac_unique" ON "travel_traveller" ("departure_id", "id_number_hmac") WHERE status IN ('held', 'booked') AND deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_travel_traveller_deleted_at" ON "travel_traveller" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "travel_traveller" cascade;`)
    this.addSql(`drop table if exists "travel_hold" cascade;`)
    this.addSql(`drop table if exists "travel_departure" cascade;`)
    this.addSql(`drop table if exists "travel_package" cascade;`)
  }
}
