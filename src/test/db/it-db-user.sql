-- The service's login on the throwaway integration-test database (filtered by Maven: the password is new
-- every build and lives only under target/).
CREATE USER IF NOT EXISTS 'it'@'127.0.0.1' IDENTIFIED BY '${it.db.password}';
CREATE USER IF NOT EXISTS 'it'@'localhost' IDENTIFIED BY '${it.db.password}';
GRANT ALL ON `${it.db.name}`.* TO 'it'@'127.0.0.1';
GRANT ALL ON `${it.db.name}`.* TO 'it'@'localhost';
