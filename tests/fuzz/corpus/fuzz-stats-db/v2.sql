-- Usage figures of version 2, as the kiosk writes them (stats.c): fuzz-db.c
-- runs this SQL into a new database.
PRAGMA page_size = 512;
CREATE TABLE sessions ( day TEXT NOT NULL CONSTRAINT day CHECK (day IS date (day, '+0 days')), language TEXT NOT NULL CONSTRAINT language CHECK (language GLOB '[a-z][a-z]'  OR language GLOB '[a-z][a-z][a-z]' OR language GLOB '[a-z][a-z]_[A-Z][A-Z]'  OR language GLOB '[a-z][a-z][a-z]_[A-Z][A-Z]' OR language = 'en@pseudo'), destination TEXT NOT NULL CONSTRAINT destination CHECK (destination = '' OR destination GLOB '[A-Z][A-Z]'), level TEXT NOT NULL CONSTRAINT level CHECK (level IN ('none', 'low', 'medium', 'high')), reached TEXT NOT NULL CONSTRAINT reached CHECK (reached IN ('language', 'checklist', 'result', 'contacts')), contacts INTEGER NOT NULL CONSTRAINT contacts CHECK (contacts IN (0, 1)), qr INTEGER NOT NULL CONSTRAINT qr CHECK (qr IN (0, 1)), printed INTEGER NOT NULL CONSTRAINT printed CHECK (printed IN (0, 1)), sessions INTEGER NOT NULL CONSTRAINT sessions CHECK (sessions BETWEEN 1 AND 86400), PRIMARY KEY (day, language, destination, level, reached, contacts, qr, printed)) STRICT, WITHOUT ROWID;
INSERT INTO sessions VALUES('2026-11-21','ne','','low','language',0,0,1,1);
INSERT INTO sessions VALUES('2026-11-21','th','KH','medium','checklist',1,1,0,1);
INSERT INTO sessions VALUES('2026-11-21','zh_CN','KH','high','result',0,0,0,1);
CREATE TABLE signs ( day TEXT NOT NULL CONSTRAINT day CHECK (day IS date (day, '+0 days')), destination TEXT NOT NULL CONSTRAINT destination CHECK (destination = '' OR destination GLOB '[A-Z][A-Z]'), sign TEXT NOT NULL CONSTRAINT sign CHECK (length (sign) <= 40  AND sign GLOB '?*.?*' AND sign NOT GLOB '*.*.*'  AND sign NOT GLOB '*[^a-z._-]*'), sessions INTEGER NOT NULL CONSTRAINT sessions CHECK (sessions BETWEEN 1 AND 86400), PRIMARY KEY (day, destination, sign)) STRICT, WITHOUT ROWID;
INSERT INTO signs VALUES('2026-11-21','','passport.kept',1);
INSERT INTO signs VALUES('2026-11-21','','route.overland',1);
INSERT INTO signs VALUES('2026-11-21','KH','passport.kept',2);
INSERT INTO signs VALUES('2026-11-21','KH','route.overland',2);
INSERT INTO sessions VALUES('2026-10-02','my','TH','none','contacts',1,1,1,86400);
PRAGMA user_version = 2;
