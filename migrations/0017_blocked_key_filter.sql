-- The key filter's layout changed: each key's probes now fall in one block of 512 bits
-- (KeyFilter). A filter saved in the old layout would answer wrongly, so it goes; the
-- next import rebuilds it from near_keys_all, once (a few seconds per million articles).
DELETE FROM near_key_filter;
