-- souq's schema: version 2. Usernames are unique by how they look, not only by their bytes:
-- username_key is the UTS #39 confusables skeleton of the lowercased name (src/usernames.rs),
-- so "Admin" and "аdmin" (Cyrillic а) cannot sit beside "admin".
-- souq_username_key() is registered by souq on every connection it opens (src/store.rs).
ALTER TABLE users ADD COLUMN username_key TEXT;
UPDATE users SET username_key = souq_username_key(username);
-- Look-alikes signed up before this version keep working: the later of two gets its id
-- appended after a space (which no username contains), so the index holds and no one is locked out.
UPDATE users SET username_key = username_key || ' ' || id
 WHERE EXISTS (SELECT 1 FROM users AS earlier WHERE earlier.username_key = users.username_key AND earlier.id < users.id);
CREATE UNIQUE INDEX users_by_username_key ON users (username_key);
