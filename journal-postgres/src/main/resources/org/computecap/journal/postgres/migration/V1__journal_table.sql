-- The engine's journal (§3) as an append-only table. Each row is one JournalEntry: hash is
-- SHA-256 over (seq, tick, prev_hash, command) exactly as in the file journal, and prev_hash is
-- the hash of the row before, so the rows form the same chain a journal file holds.
-- appended_at is for operators only; it is not covered by the hash and replay ignores it.
CREATE TABLE computecap_journal (
  seq         bigint      PRIMARY KEY CHECK (seq >= 1),
  tick        bigint      NOT NULL,
  prev_hash   bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
  hash        bytea       NOT NULL CHECK (octet_length(hash) = 32),
  command     bytea       NOT NULL,
  appended_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE computecap_journal IS
  'ComputeCap journal: append-only, hash-chained; UPDATE, DELETE and TRUNCATE are refused';

-- Append-only: rows may be inserted and read, never changed or removed. A superuser can still
-- bypass triggers; that is what the hash chain and verify are for.
CREATE FUNCTION computecap_journal_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'computecap_journal is append-only: % is refused', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER computecap_journal_no_update_or_delete
  BEFORE UPDATE OR DELETE ON computecap_journal
  FOR EACH ROW EXECUTE FUNCTION computecap_journal_refuse_change();

CREATE TRIGGER computecap_journal_no_truncate
  BEFORE TRUNCATE ON computecap_journal
  FOR EACH STATEMENT EXECUTE FUNCTION computecap_journal_refuse_change();
