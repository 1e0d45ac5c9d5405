//! Turns assertions into what investigators read and exchange: the HTML case file, timelines,
//! career tables, JSON Lines, CSV, GraphML and FollowTheMoney entities.
//!
//! Status: not built yet (issue #6).
