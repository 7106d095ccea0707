//! Okta's paging links.

use reqwest::header::HeaderMap;
use url::Url;

/// The `rel="next"` target of a `Link` header (RFC 8288), which may come as several header lines
/// or as one comma-separated line. Okta pages lists this way (notes/okta.md §B.6).
pub fn next_link(headers: &HeaderMap) -> Option<Url> {
    headers
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|line| line.split(','))
        .find_map(|link| {
            let (target, params) = link.trim().split_once(';')?;
            let is_next = params.split(';').any(|p| {
                p.trim()
                    .strip_prefix("rel=")
                    .is_some_and(|rel| rel.trim_matches('"').split(' ').any(|r| r == "next"))
            });
            let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
            is_next.then(|| Url::parse(target).ok()).flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn next_link_is_found_among_several() {
        let mut h = HeaderMap::new();
        h.append(
            "link",
            HeaderValue::from_static("<https://o.okta.com/api/v1/apps?limit=2>; rel=\"self\""),
        );
        h.append(
            "link",
            HeaderValue::from_static(
                "<https://o.okta.com/api/v1/apps?after=0oa2&limit=2>; rel=\"next\"",
            ),
        );
        assert_eq!(
            next_link(&h).unwrap().as_str(),
            "https://o.okta.com/api/v1/apps?after=0oa2&limit=2"
        );
        let mut one = HeaderMap::new();
        one.insert(
            "link",
            HeaderValue::from_static(
                "<https://a/x?after=1>; rel=\"next\", <https://a/x>; rel=\"self\"",
            ),
        );
        assert_eq!(next_link(&one).unwrap().as_str(), "https://a/x?after=1");
        assert!(next_link(&HeaderMap::new()).is_none());
    }
}
