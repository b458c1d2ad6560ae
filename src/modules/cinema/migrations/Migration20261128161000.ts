import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128161000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "cinema" ("id" text not null, "name" text not null, "city" text not null, "address" text null, "merchant_id" text not null, "merchant_store_id" text not null, "ticket_variants" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cinema_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_deleted_at" ON "cinema" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_city" ON "cinema" ("city") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cinema_merchant_store_id_unique" ON "cinema" ("merchant_store_id") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "cinema_hall" ("id" text not null, "cinema_id" text not null, "name" text not null, "grid_rows" integer not null, "grid_cols" integer not null, "cleaning_minutes" integer not null default 15, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cinema_hall_pkey" primary key ("id"), constraint cinema_hall_grid_size check (grid_rows between 1 and 60 and grid_cols between 1 and 80), constraint cinema_hall_cleaning check (cleaning_minutes between 0 and 240));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_hall_deleted_at" ON "cinema_hall" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cinema_hall_cinema_id_name_unique" ON "cinema_hall" ("cinema_id", "name") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "cinema_seat" ("id" text not null, "hall_id" text not null, "row_label" text not null, "number" integer not null, "type" text check ("type" in ('standard', 'vip', 'couple')) not null default 'standard', "pair_id" text null, "grid_x" integer not null, "grid_y" integer not null, "disabled" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cinema_seat_pkey" primary key ("id"), constraint cinema_seat_couple_pair check ((type = 'couple') = (pair_id is not null)));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_seat_deleted_at" ON "cinema_seat" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cinema_seat_hall_id_row_label_number_unique" ON "cinema_seat" ("hall_id", "row_label", "number") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cinema_seat_hall_id_grid_x_grid_y_unique" ON "cinema_seat" ("hall_id", "grid_x", "grid_y") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "cinema_film" ("id" text not null, "title" text not null, "original_title" text null, "synopsis" text null, "poster_url" text null, "duration_minutes" integer not null, "rating" text null, "score" integer null, "genres" jsonb not null default '{"values":[]}', "languages" jsonb not null default '{"values":[]}', "release_date" timestamptz null, "status" text check ("status" in ('showing', 'coming_soon', 'archived')) not null default 'showing', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cinema_film_pkey" primary key ("id"), constraint cinema_film_duration check (duration_minutes between 1 and 600));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_film_deleted_at" ON "cinema_film" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "cinema_showtime" ("id" text not null, "film_id" text not null, "hall_id" text not null, "cinema_id" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "busy_until" timestamptz not null, "format" text check ("format" in ('2D', '3D', 'IMAX')) not null default '2D', "language" text not null, "prices" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cinema_showtime_pkey" primary key ("id"), constraint cinema_showtime_order check (starts_at < ends_at and ends_at <= busy_until));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_showtime_deleted_at" ON "cinema_showtime" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_showtime_hall_id_starts_at" ON "cinema_showtime" ("hall_id", "starts_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_showtime_starts_at" ON "cinema_showtime" ("starts_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_showtime_film_id_starts_at" ON "cinema_showtime" ("film_id", "starts_at") WHERE deleted_at IS NULL;`)

    // claims are deleted when released (never soft-deleted), so the unique index needs no predicate
    // and INSERT … ON CONFLICT (showtime_id, seat_id) can target it
    this.addSql(`create table if not exists "cinema_seat_claim" ("id" text not null, "showtime_id" text not null, "seat_id" text not null, "status" text check ("status" in ('held', 'booked')) not null default 'held', "cart_id" text not null, "line_item_id" text null, "order_id" text null, "expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cinema_seat_claim_pkey" primary key ("id"), constraint cinema_seat_claim_hold_expires check (status = 'booked' or expires_at is not null), constraint cinema_seat_claim_booking_order check (status = 'held' or order_id is not null));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cinema_seat_claim_showtime_seat_unique" ON "cinema_seat_claim" ("showtime_id", "seat_id");`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_seat_claim_cart_id" ON "cinema_seat_claim" ("cart_id");`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cinema_seat_claim_deleted_at" ON "cinema_seat_claim" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cinema_seat_claim" cascade;`)
    this.addSql(`drop table if exists "cinema_showtime" cascade;`)
    this.addSql(`drop table if exists "cinema_film" cascade;`)
    this.addSql(`drop table if exists "cinema_seat" cascade;`)
    this.addSql(`drop table if exists "cinema_hall" cascade;`)
    this.addSql(`drop table if exists "cinema" cascade;`)
  }
}
