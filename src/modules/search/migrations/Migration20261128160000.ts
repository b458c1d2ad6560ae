import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "search_query_log" ("id" text not null, "actor" text not null, "q" text not null, "q_norm" text not null, "hits" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_query_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_search_query_log_deleted_at" ON "search_query_log" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_search_query_log_actor_created_at" ON "search_query_log" ("actor", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_search_query_log_q_norm_created_at" ON "search_query_log" ("q_norm", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_query_log" cascade;`);
  }

}
