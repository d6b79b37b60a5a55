//! robots.txt: which paths a crawler named `newsgraph` may fetch (RFC 9309).
//!
//! The group whose `User-agent` names our product token (`newsgraph`, matched
//! case-insensitively as a substring of the line) applies; otherwise the `*` group;
//! otherwise everything is allowed. Within the group the longest matching rule wins,
//! `Allow` over `Disallow` on a tie; `*` matches any run of characters and a final `$`
//! anchors the end. An empty `Disallow:` allows everything.
//!
//! Known limits: `Crawl-delay` is read but the poller's own minimum delay per host is
//! used when it is longer; sitemaps are ignored.

/// One `User-agent` group: its agents, `(allow, pattern)` rules and crawl delay.
type Group = (Vec<String>, Vec<(bool, String)>, Option<f64>);

/// The rules that apply to us on one host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// `(allow, pattern)` rules of the group that applies.
    rules: Vec<(bool, String)>,
    /// `Crawl-delay` in seconds, if the group gives one.
    pub crawl_delay: Option<f64>,
}

impl Robots {
    /// Everything allowed (no robots.txt, or one that could not be fetched with a 4xx).
    pub fn allow_all() -> Self {
        Robots::default()
    }

    /// Parses a robots.txt for the product token `agent` (e.g. `newsgraph`).
    pub fn parse(text: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        // Groups: (agents, rules, delay).
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for raw in text.lines().take(10_000) {
            let line = raw.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new(), None));
                        in_agents = true;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        if !value.is_empty() {
                            g.1.push((key == "allow", value.to_owned()));
                        }
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        g.2 = value.parse().ok();
                    }
                }
                _ => in_agents = false,
            }
        }
        let named: Vec<_> = groups
            .iter()
            .filter(|g| {
                g.0.iter()
                    .any(|a| a != "*" && !a.is_empty() && agent.contains(a.as_str()))
            })
            .collect();
        let chosen: Vec<_> = if named.is_empty() {
            groups
                .iter()
                .filter(|g| g.0.iter().any(|a| a == "*"))
                .collect()
        } else {
            named
        };
        let mut robots = Robots::default();
        for g in chosen {
            robots.rules.extend(g.1.iter().cloned());
            robots.crawl_delay = robots.crawl_delay.or(g.2);
        }
        robots
    }

    /// True when `path` (path and query of a URL, starting with `/`) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Matches a robots.txt path pattern (`*` wildcard, `$` end anchor) against a path.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            pos = part.len();
            continue;
        }
        if i == parts.len() - 1 && anchored {
            return path.len() >= pos + part.len() && path.ends_with(part);
        }
        match path[pos..].find(part) {
            Some(at) => pos += at + part.len(),
            None => return false,
        }
    }
    !anchored || pos == path.len() || parts.len() > 1 && parts.last() == Some(&"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_precedence() {
        let txt = "User-agent: *\nDisallow: /private\nAllow: /private/ok\n\nUser-agent: other\nDisallow: /\n";
        let r = Robots::parse(txt, "newsgraph");
        assert!(r.allows("/news/1"));
        assert!(!r.allows("/private/x"));
        assert!(r.allows("/private/ok/1"));
        let named = Robots::parse(
            "User-agent: newsgraph\nDisallow: /a\nUser-agent: *\nDisallow: /\n",
            "newsgraph/0.1",
        );
        assert!(named.allows("/b"));
        assert!(!named.allows("/a/1"));
    }

    #[test]
    fn wildcards() {
        let r = Robots::parse(
            "User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/x\n",
            "newsgraph",
        );
        assert!(!r.allows("/doc/a.pdf"));
        assert!(r.allows("/doc/a.pdf?x=1"));
        assert!(!r.allows("/tmp12/x/y"));
        assert!(r.allows("/"));
    }
}
