-- Attachment bytes are mostly compressed already (images, PDFs, archives), and the store reads
-- them back in slices (PostgresAttachmentStore streams 1 MB at a time): EXTERNAL keeps them
-- out-of-line but uncompressed, so a slice is read without decompressing the whole file.
alter table attachment_blobs alter column content set storage external;
