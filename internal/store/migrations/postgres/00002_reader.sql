-- Which build of chronicle read each document: an ingest of the same bytes
-- by another build reads them again (its rules may have changed) instead
-- of keeping the older reading. '' for documents stored before this column.

-- +goose Up
ALTER TABLE documents ADD COLUMN reader TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE documents DROP COLUMN reader;
