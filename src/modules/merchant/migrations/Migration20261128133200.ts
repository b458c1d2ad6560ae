import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// A signed terminal call's check against the live state, in one statement: the terminal by key id
// with its store and merchant (as resolveTerminalByKey reads them), and the nonce claim, made only
// when the terminal still has the sealed secret the signature was verified with and it and its
// merchant are active. A PL/pgSQL function so that each step is a primary-key or unique-index
// lookup with a plan cached per connection: the same work as one ad-hoc CTE statement, planned on
// every call, took about four times the database CPU. Functions are not part of the module's
// schema snapshot, so it stays as generated.
export class Migration20261128133200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE OR REPLACE FUNCTION merchant_admit_terminal_call(p_key_id text, p_sealed text, p_nonce_id text, p_nonce text,
        OUT id text, OUT key_id text, OUT name text, OUT status text, OUT secret_encrypted text, OUT store_id text, OUT store_name text,
        OUT merchant_id text, OUT merchant_name text, OUT merchant_status text, OUT nonce_claimed boolean)
      RETURNS SETOF record LANGUAGE plpgsql AS $$
      BEGIN
        SELECT t.id, t.key_id, t.name, t.status, t.secret_encrypted, t.store_id
          INTO id, key_id, name, status, secret_encrypted, store_id
          FROM terminal t WHERE t.key_id = p_key_id AND t.deleted_at IS NULL;
        IF NOT FOUND THEN RETURN; END IF;
        SELECT s.name, s.merchant_id INTO store_name, merchant_id FROM merchant_store s WHERE s.id = store_id AND s.deleted_at IS NULL;
        IF NOT FOUND THEN RETURN; END IF;
        SELECT m.name, m.status INTO merchant_name, merchant_status FROM merchant m WHERE m.id = merchant_id AND m.deleted_at IS NULL;
        IF NOT FOUND THEN RETURN; END IF;
        nonce_claimed := false;
        IF secret_encrypted = p_sealed AND status = 'active' AND merchant_status = 'active' THEN
          INSERT INTO terminal_nonce (id, terminal_id, nonce, created_at, updated_at) VALUES (p_nonce_id, id, p_nonce, now(), now())
          ON CONFLICT (terminal_id, nonce) WHERE deleted_at IS NULL DO NOTHING;
          nonce_claimed := FOUND;
        END IF;
        RETURN NEXT;
      END
      $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP FUNCTION IF EXISTS merchant_admit_terminal_call(text, text, text, text);`)
  }
}
