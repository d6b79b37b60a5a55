-- Schema version 6: indexes that keep bounded reads bounded on large stores.
--
-- A story page reads the latest merged events of one story (by creation) and the
-- latest points of each series (by article). With only (story, type) and (series)
-- indexes, both had to fetch and sort every merged event of the story and every point
-- of the series before keeping the latest few: tens of thousands of rows per page on
-- a store of 100,000 articles. These indexes let both reads walk the index backwards
-- and stop after the rows the page shows.

-- (story) alone: its entries are in rowid order within a story.
CREATE INDEX merged_events_story_latest ON merged_events (story);

-- (series, article) replaces (series): it serves the same lookups, plus the order.
CREATE INDEX quantities_series_article ON quantities (series, article);
DROP INDEX quantities_series;
