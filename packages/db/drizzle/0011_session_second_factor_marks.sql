-- Custom migration: sign-in used to set a session's second-factor mark whenever no code was owed,
-- and such a session kept it after a promotion into an admin role. The mark now means that a code
-- was proven in the session; a person without an active TOTP key cannot have proven one, so their
-- marks are cleared and their sessions are judged from their current roles.
UPDATE "sessions" SET "two_factor_verified_at" = NULL
 WHERE "two_factor_verified_at" IS NOT NULL
   AND "user_id" IN (SELECT "id" FROM "users" WHERE "totp_key_encrypted" IS NULL);
