--liquibase formatted sql

--changeset subscriptions:014-sealed-webhook-secrets
-- Webhook signing secrets are kept sealed (AES-256-GCM: nonce, secret and tag in base64, about 110 characters for a
-- whsec_ secret of 50). Secrets stored before stay as they are until rotated, and are read as they are.
ALTER TABLE webhook_endpoints MODIFY secret VARCHAR(255) NOT NULL, MODIFY previous_secret VARCHAR(255) NULL;
--rollback ALTER TABLE webhook_endpoints MODIFY secret VARCHAR(100) NOT NULL, MODIFY previous_secret VARCHAR(100) NULL;
