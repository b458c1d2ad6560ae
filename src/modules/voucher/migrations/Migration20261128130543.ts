import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// A terminal redemption in one statement (one database round trip, one implicit transaction):
// claim the Idempotency-Key, lock the voucher, apply the redeem rules, write the redemption, store
// the response. Functions are not part of the module's schema snapshot, so it stays as generated.
//
// voucher_redeem_check is a port of redeem-rules.ts (redeemBlocker, then redeemAmount), which
// stays the documented source of the rules; test/integration/terminal-api.test.ts checks that both
// give the same answer (code, message, amount) for generated vouchers. Change them together.
export class Migration20261128130543 extends Migration {
  override async up(): Promise<void> {
    // JavaScript's Date#toISOString, on the millisecond as JavaScript sees a timestamp
    this.addSql(`
      CREATE OR REPLACE FUNCTION voucher_iso_time(t timestamptz) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT to_char(date_trunc('milliseconds', t) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      $$;`)

    // terminal-errors.ts TERMINAL_ERRORS, for the codes a redemption can answer with
    this.addSql(`
      CREATE OR REPLACE FUNCTION voucher_terminal_error_status(code text) RETURNS integer
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE code
          WHEN 'invalid_request' THEN 400
          WHEN 'voucher_not_found' THEN 404
          WHEN 'voucher_already_redeemed' THEN 409
          WHEN 'voucher_refunded' THEN 409
          WHEN 'idempotency_conflict' THEN 409
          WHEN 'voucher_expired' THEN 410
          WHEN 'voucher_not_yet_valid' THEN 422
          WHEN 'not_valid_at_this_store' THEN 422
          WHEN 'insufficient_balance' THEN 422
        END
      $$;`)

    // redeem-rules.ts: redeemBlocker (status, dates, store, Asia/Shanghai weekday, in that order),
    // then redeemAmount. code is NULL when the voucher can be redeemed for amount.
    this.addSql(`
      CREATE OR REPLACE FUNCTION voucher_redeem_check(
        p_status text, p_usage text, p_balance integer, p_valid_from timestamptz, p_expires_at timestamptz,
        p_allowed_store_ids jsonb, p_allowed_weekdays jsonb, p_store_id text, p_now timestamptz, p_requested integer,
        OUT code text, OUT message text, OUT amount integer)
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        stores jsonb := p_allowed_store_ids -> 'ids';
        days jsonb := p_allowed_weekdays -> 'days';
        valid_from timestamptz := date_trunc('milliseconds', p_valid_from);
        expires_at timestamptz := date_trunc('milliseconds', p_expires_at);
      BEGIN
        IF jsonb_typeof(stores) IS DISTINCT FROM 'array' THEN stores := '[]'::jsonb; END IF;
        IF jsonb_typeof(days) IS DISTINCT FROM 'array' THEN days := '[]'::jsonb; END IF;
        IF p_status = 'refunded' THEN
          code := 'voucher_refunded'; message := 'This voucher was refunded.';
        ELSIF p_status = 'void' THEN
          code := 'voucher_not_found'; message := 'No voucher with this code.';
        ELSIF p_status = 'redeemed' OR p_balance <= 0 THEN
          code := 'voucher_already_redeemed'; message := 'This voucher has already been used.';
        ELSIF p_status = 'expired' OR expires_at <= p_now THEN
          code := 'voucher_expired'; message := 'This voucher has expired.';
        ELSIF valid_from > p_now THEN
          code := 'voucher_not_yet_valid'; message := 'Valid from ' || voucher_iso_time(valid_from) || '.';
        ELSIF jsonb_array_length(stores) > 0 AND NOT stores @> to_jsonb(p_store_id) THEN
          code := 'not_valid_at_this_store'; message := 'This voucher cannot be used at this store.';
        ELSIF jsonb_array_length(days) > 0
          AND NOT days @> to_jsonb(extract(isodow FROM (p_now AT TIME ZONE 'UTC') + interval '8 hours')::integer) THEN
          code := 'voucher_not_yet_valid';
          message := 'Valid only on weekdays '
            || (SELECT string_agg(COALESCE(d.day, ''), ', ' ORDER BY d.i) FROM jsonb_array_elements_text(days) WITH ORDINALITY AS d(day, i))
            || ' (1 = Monday).';
        ELSIF p_usage = 'single_use' THEN
          IF p_requested IS NOT NULL AND p_requested <> p_balance THEN
            code := 'invalid_request'; message := 'A single-use voucher is redeemed whole; omit amount.';
          ELSE
            amount := p_balance;
          END IF;
        ELSIF p_requested IS NULL THEN
          code := 'invalid_request'; message := 'amount (in fen) is required for a stored-value voucher.';
        ELSIF p_requested > p_balance THEN
          code := 'insufficient_balance'; message := 'Only ' || p_balance || ' fen left on this voucher.';
        ELSE
          amount := p_requested;
        END IF;
      END
      $$;`)

    // Exactly once per (terminal, Idempotency-Key): the key is claimed first, so a parallel duplicate
    // waits on its unique index and then replays the stored response (or gets a conflict for another
    // body); the voucher row is locked, so parallel redemptions of one voucher apply one after another.
    // Another merchant's voucher answers exactly like an unknown code.
    this.addSql(`
      CREATE OR REPLACE FUNCTION voucher_redeem_at_terminal(
        p_terminal_id text, p_store_id text, p_merchant_id text, p_code_hmac text, p_amount integer,
        p_idempotency_key text, p_request_hash text, p_idempotency_id text, p_redemption_id text, p_now timestamptz,
        OUT status integer, OUT body jsonb, OUT redemption_id text)
      LANGUAGE plpgsql AS $$
      DECLARE
        v issued_voucher%ROWTYPE;
        r redemption%ROWTYPE;
        chk record;
        prior record;
      BEGIN
        INSERT INTO terminal_idempotency (id, terminal_id, scope, idempotency_key, request_hash, response_status, response_body, created_at, updated_at)
        VALUES (p_idempotency_id, p_terminal_id, 'redeem', p_idempotency_key, p_request_hash, 0, '{}'::jsonb, now(), now())
        ON CONFLICT (terminal_id, scope, idempotency_key) WHERE deleted_at IS NULL DO NOTHING;
        IF NOT FOUND THEN
          SELECT i.request_hash, i.response_status, i.response_body INTO prior FROM terminal_idempotency i
          WHERE i.terminal_id = p_terminal_id AND i.scope = 'redeem' AND i.idempotency_key = p_idempotency_key AND i.deleted_at IS NULL;
          IF NOT FOUND OR prior.request_hash <> p_request_hash THEN
            status := 409;
            body := jsonb_build_object('code', 'idempotency_conflict', 'message', 'This Idempotency-Key was used with a different request.');
          ELSE
            status := prior.response_status;
            body := prior.response_body;
          END IF;
          RETURN;
        END IF;

        SELECT * INTO v FROM issued_voucher WHERE code_hmac = p_code_hmac AND deleted_at IS NULL FOR UPDATE;
        IF NOT FOUND OR v.merchant_id <> p_merchant_id OR v.status = 'void' THEN
          SELECT 'voucher_not_found'::text AS code, 'No voucher with this code.'::text AS message, NULL::integer AS amount INTO chk;
        ELSE
          SELECT c.code, c.message, c.amount INTO chk FROM voucher_redeem_check(v.status, v.usage, v.balance, v.valid_from, v.expires_at,
            v.allowed_store_ids, v.allowed_weekdays, p_store_id, p_now, p_amount) c;
        END IF;

        IF chk.code IS NOT NULL THEN
          status := voucher_terminal_error_status(chk.code);
          body := jsonb_build_object('code', chk.code, 'message', chk.message);
        ELSE
          UPDATE issued_voucher SET balance = balance - chk.amount,
            status = CASE WHEN balance - chk.amount = 0 THEN 'redeemed' ELSE 'partially_redeemed' END, updated_at = now()
          WHERE id = v.id RETURNING * INTO v;
          INSERT INTO redemption (id, voucher_id, merchant_id, store_id, terminal_id, amount, idempotency_key, created_at, updated_at)
          VALUES (p_redemption_id, v.id, v.merchant_id, p_store_id, p_terminal_id, chk.amount, p_idempotency_key, p_now, p_now)
          RETURNING * INTO r;
          status := 201;
          redemption_id := r.id;
          -- service.ts redemptionView and voucherView
          body := jsonb_build_object(
            'redemption', jsonb_build_object('id', r.id, 'voucher_id', r.voucher_id, 'store_id', r.store_id, 'terminal_id', r.terminal_id,
              'amount', r.amount, 'created_at', voucher_iso_time(r.created_at), 'reversed_at', voucher_iso_time(r.reversed_at)),
            'voucher', jsonb_build_object('id', v.id, 'kind', v.kind, 'title', v.title, 'usage', v.usage, 'status', v.status,
              'face_value', v.face_value, 'balance', v.balance, 'currency_code', v.currency_code,
              'valid_from', voucher_iso_time(v.valid_from), 'expires_at', voucher_iso_time(v.expires_at)));
        END IF;

        UPDATE terminal_idempotency SET response_status = status, response_body = body, updated_at = now() WHERE id = p_idempotency_id;
      END
      $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP FUNCTION IF EXISTS voucher_redeem_at_terminal(text, text, text, text, integer, text, text, text, text, timestamptz);`)
    this.addSql(`DROP FUNCTION IF EXISTS voucher_redeem_check(text, text, integer, timestamptz, timestamptz, jsonb, jsonb, text, timestamptz, integer);`)
    this.addSql(`DROP FUNCTION IF EXISTS voucher_terminal_error_status(text);`)
    this.addSql(`DROP FUNCTION IF EXISTS voucher_iso_time(timestamptz);`)
  }
}
