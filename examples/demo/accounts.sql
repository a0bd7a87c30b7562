-- accounts.sql - accounts for build/jwtauth-mysqld (examples/mysql_server.c)
-- One CREATE USER statement per line, as StarRocks declares JWT users; the
-- quoted JSON may span lines up to its closing quote, the ';' is optional.
-- tom is the user of the StarRocks documentation's example (create_user.sql, unchanged); jerry has
-- the same properties, so tom's token must NOT log jerry in.
-- The jwks_url is a URL: start the server with --jwks conf/jwks.json.

CREATE USER tom IDENTIFIED WITH authentication_jwt AS
'{
  "jwks_url": "http://localhost:38080/realms/master/protocol/jwt/certs",
  "principal_field": "preferred_username",
  "required_issuer": "http://localhost:38080/realms/master",
  "required_audience": "starrocks"
}';

CREATE USER jerry IDENTIFIED WITH authentication_jwt AS '{"jwks_url": "http://localhost:38080/realms/master/protocol/jwt/certs", "principal_field": "preferred_username", "required_issuer": "http://localhost:38080/realms/master", "required_audience": "starrocks"}'
