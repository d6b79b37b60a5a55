//! The OpenAPI 3.1 document of the JSON API, served at `/api/openapi.json`.
//!
//! Written by hand as data (no code generation): each operation says its parameters,
//! its answers and their schemas, which follow the report contract of DESIGN.md §8.
//! [`API_ROUTES`] lists every (method, path) the router serves under `/api`; a test
//! checks the document describes exactly those.

use serde_json::{json, Value};

/// Every API operation the router serves: (method, path in OpenAPI syntax).
pub const API_ROUTES: &[(&str, &str)] = &[
    ("get", "/api/openapi.json"),
    ("get", "/api/articles"),
    ("post", "/api/articles"),
    ("get", "/api/articles/{id}"),
    ("get", "/api/search"),
    ("get", "/api/stories"),
    ("get", "/api/stories/{id}"),
    ("get", "/api/actors"),
    ("get", "/api/actors/{id}"),
    ("get", "/api/events"),
    ("get", "/api/series"),
];

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

fn path_id(what: &str) -> Value {
    json!({"name": "id", "in": "path", "required": true,
           "description": format!("The {what}'s id"), "schema": {"type": "string"}})
}

fn limit(default: u32) -> Value {
    query(
        "limit",
        "Page size (1 to 200)",
        json!({"type": "integer", "minimum": 1, "maximum": 200, "default": default}),
    )
}

fn after() -> Value {
    query(
        "after",
        "Cursor: the `next` value of the previous page",
        json!({"type": "string"}),
    )
}

fn date(name: &str, description: &str) -> Value {
    query(
        name,
        description,
        json!({"type": "string", "examples": ["2026-03-05", "2026-03"]}),
    )
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn page_of(item: &str) -> Value {
    json!({"type": "object", "required": ["items", "next"], "properties": {
        "items": {"type": "array", "items": reference(item)},
        "next": {"type": ["string", "null"], "description": "Cursor of the next page; null on the last page"}
    }})
}

fn errors(codes: &[&str]) -> serde_json::Map<String, Value> {
    codes
        .iter()
        .map(|c| {
            (
                c.to_string(),
                json!({"description": match *c {
                    "400" => "Bad parameter (the message says which and why)",
                    "401" => "Missing or wrong token",
                    "403" => "Writes disabled, or a cross-site write",
                    "404" => "Not found",
                    "413" => "Body over the size limit",
                    "415" => "Unsupported content type",
                    "422" => "No article could be read from the body",
                    _ => "Error",
                }, "content": {"application/json": {"schema": reference("Error")}}}),
            )
        })
        .collect()
}

fn responses(ok_code: &str, ok_value: Value, error_codes: &[&str]) -> Value {
    let mut map = errors(error_codes);
    map.insert(ok_code.to_string(), ok_value);
    Value::Object(map)
}

fn paths() -> Value {
    json!({
        "/api/openapi.json": {"get": {
            "operationId": "openapi", "summary": "This document",
            "responses": {"200": {"description": "The OpenAPI document", "content": {"application/json": {}}}}
        }},
        "/api/articles": {
            "get": {
                "operationId": "listArticles",
                "summary": "Articles by publication date, oldest first (undated last), keyset-paged",
                "parameters": [limit(20), after(),
                    query("source", "Only this outlet (case-insensitive)", json!({"type": "string"})),
                    date("from", "Published on or after"), date("to", "Published on or before")],
                "responses": responses("200", ok("A page of articles", page_of("ArticleRow")), &["400"])
            },
            "post": {
                "operationId": "ingestArticles",
                "summary": "Ingest articles from the body: JSON (an object or an array), JSON Lines, plain text as scraped, or HTML",
                "security": [{}, {"bearerAuth": []}],
                "description": "Open on a loopback bind without a token; needs `Authorization: Bearer <token>` when the server was started with one; refused (403) on a non-loopback bind without a token.",
                "parameters": [
                    query("source", "Outlet when the article names none", json!({"type": "string"})),
                    query("date", "Publication date for every article (wins over the text)", json!({"type": "string"}))],
                "requestBody": {"required": true, "content": {
                    "application/json": {"schema": {"oneOf": [reference("ArticleInput"), {"type": "array", "items": reference("ArticleInput")}]}},
                    "application/x-ndjson": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}}
                }},
                "responses": {
                    "201": ok("At least one article was stored", reference("IngestReport")),
                    "200": ok("Every article was stored already", reference("IngestReport")),
                    "400": errors(&["400"])["400"].clone(),
                    "401": errors(&["401"])["401"].clone(),
                    "403": errors(&["403"])["403"].clone(),
                    "413": errors(&["413"])["413"].clone(),
                    "415": errors(&["415"])["415"].clone(),
                    "422": errors(&["422"])["422"].clone()
                }
            }
        },
        "/api/articles/{id}": {"get": {
            "operationId": "getArticle",
            "summary": "One article (full id or a unique prefix of 4+ characters) with everything extracted from it",
            "parameters": [path_id("article")],
            "responses": responses("200", ok("The article", reference("ArticleDetail")), &["400", "404"])
        }},
        "/api/search": {"get": {
            "operationId": "search",
            "summary": "Ranked full-text search (title weighted) with snippets",
            "description": format!("Hits are ranked by relevance (bm25). A query matching more than {} articles after the source and date filters is ranked among the {} most recently stored of its matches.", newsgraph_store::sqlite::RANK_WINDOW, newsgraph_store::sqlite::RANK_WINDOW),
            "parameters": [
                {"name": "q", "in": "query", "required": true, "schema": {"type": "string"},
                 "description": "Words, \"quoted phrases\", -excluded, OR"},
                limit(20), after(),
                query("source", "Only this outlet", json!({"type": "string"})),
                date("from", "Published on or after"), date("to", "Published on or before"),
                query("actor", "Only articles mentioning this actor (id or unambiguous name)", json!({"type": "string"})),
                query("story", "Only articles of this story", json!({"type": "string"}))],
            "responses": responses("200", ok("A page of hits, best first", page_of("Hit")), &["400", "404"])
        }},
        "/api/stories": {"get": {
            "operationId": "listStories",
            "summary": "Stories, most recently active first",
            "parameters": [limit(20), after(),
                query("actor", "Only stories with this key actor (id or name)", json!({"type": "string"})),
                query("min_size", "Only stories with at least this many articles", json!({"type": "integer", "minimum": 1})),
                date("from", "Active on or after"), date("to", "Began on or before")],
            "responses": responses("200", ok("A page of stories", page_of("StoryRow")), &["400", "404"])
        }},
        "/api/stories/{id}": {"get": {
            "operationId": "getStory",
            "summary": "One story bounded for a page: its newest 100 articles, latest 300 merged events (with evidence), series (latest 200 points each), key actors and actor graph",
            "parameters": [path_id("story")],
            "responses": responses("200", ok("The story", reference("StoryView")), &["404"])
        }},
        "/api/actors": {"get": {
            "operationId": "listActors",
            "summary": "Actors, most mentioned first",
            "parameters": [limit(50), after(),
                query("kind", "Only this kind", json!({"type": "string", "enum": ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "MISC"]}))],
            "responses": responses("200", ok("A page of actors", page_of("ActorRow")), &["400"])
        }},
        "/api/actors/{id}": {"get": {
            "operationId": "getActor",
            "summary": "One actor with roles, mentions, relations and events as source and as target",
            "parameters": [path_id("actor")],
            "responses": responses("200", ok("The actor", reference("ActorDetail")), &["404"])
        }},
        "/api/events": {"get": {
            "operationId": "listEvents",
            "summary": "Events, oldest first (by event time, else article date)",
            "parameters": [limit(50), after(),
                query("type", "PLOVER type", json!({"type": "string", "enum": crate::views::PLOVER_TYPES})),
                query("modality", "Modality", json!({"type": "string", "enum": crate::views::MODALITIES})),
                query("actor", "Involving this actor (id or name) as source, target, place or attribution", json!({"type": "string"})),
                date("from", "Dated on or after"), date("to", "Dated on or before"),
                query("article", "Only this article's events (id or unique prefix)", json!({"type": "string"}))],
            "responses": responses("200", ok("A page of events with actor names",
                json!({"type": "object", "required": ["items", "next", "names"], "properties": {
                    "items": {"type": "array", "items": reference("EventRow")},
                    "next": {"type": ["string", "null"]},
                    "names": {"type": "object", "additionalProperties": {"type": "string"}}
                }})), &["400", "404"])
        }},
        "/api/series": {"get": {
            "operationId": "listSeries",
            "summary": "Figures followed over time",
            "parameters": [limit(50), after(),
                query("story", "Only series with a point from this story", json!({"type": "string"})),
                query("measure", "Only this measure (\"killed\")", json!({"type": "string"})),
                query("subject", "Only about this actor (id or name)", json!({"type": "string"})),
                query("min_points", "Only series with at least this many points", json!({"type": "integer", "minimum": 1}))],
            "responses": responses("200", ok("A page of series", page_of("Series")), &["400", "404"])
        }}
    })
}

fn obj(required: &[&str], properties: Value) -> Value {
    json!({"type": "object", "required": required, "properties": properties})
}

fn s() -> Value {
    json!({"type": "string"})
}

fn ns() -> Value {
    json!({"type": ["string", "null"]})
}

fn strings() -> Value {
    json!({"type": "array", "items": {"type": "string"}})
}

fn int() -> Value {
    json!({"type": "integer", "minimum": 0})
}

fn array_of(name: &str) -> Value {
    json!({"type": "array", "items": reference(name)})
}

fn schemas() -> Value {
    let event_props = json!({
        "id": s(), "article": s(), "start": int(), "end": int(), "sentence": int(),
        "type": {"type": "string", "enum": crate::views::PLOVER_TYPES}, "mode": s(),
        "source": strings(), "target": strings(), "place": strings(),
        "time": obj(&["value", "anchor"], json!({"value": s(), "anchor": {"type": "string", "enum": ["timex", "dct"]}})),
        "modality": {"type": "string", "enum": crate::views::MODALITIES},
        "attributed_to": strings(), "confidence": {"type": "number"}
    });
    let mut event_row = event_props.clone();
    if let Some(m) = event_row.as_object_mut() {
        m.insert("article_title".into(), s());
        m.insert("article_published".into(), ns());
        m.insert("article_source".into(), s());
        m.insert(
            "evidence".into(),
            json!({"type": "string", "description": "The sentence that is the evidence"}),
        );
    }
    let part1 = json!({
        "Error": obj(&["error"], json!({"error": obj(&["status", "message"], json!({
            "status": {"type": "integer", "description": "The HTTP status code"},
            "message": {"type": "string", "description": "What was wrong"}}))})),
        "ArticleInput": {"type": "object", "description": "An article as a JSON Lines record; unknown fields are kept as metadata",
            "properties": {"title": s(), "body": s(), "text": s(), "content": s(), "date": s(), "published": s(),
                           "url": s(), "source": s(), "author": s()}},
        "IngestReport": obj(&["articles", "errors"], json!({
            "articles": {"type": "array", "items": obj(&["id", "title", "outcome"], json!({
                "id": s(), "title": s(),
                "outcome": {"type": "string", "enum": ["stored", "near_duplicate", "already_present"]},
                "duplicate_of": s()}))},
            "errors": {"type": "array", "items": obj(&["origin", "message"], json!({"origin": s(), "message": s()}))}})),
        "ArticleRow": obj(&["id", "title", "source", "published", "words"], json!({
            "id": s(), "title": s(), "source": s(), "published": ns(), "byline": ns(),
            "duplicate_of": ns(), "words": int(), "url": ns(), "ingested_at": s()})),
        "Article": obj(&["id", "source", "title", "published", "body"], json!({
            "id": s(), "url": s(), "source": s(), "via": strings(), "title": s(), "subtitle": s(),
            "byline": s(), "section": s(), "published": ns(),
            "published_bounds": obj(&[], json!({"from": s(), "to": s(), "reasons": strings()})),
            "body": s(), "duplicate_of": s()})),
        "Mention": obj(&["article", "start", "end", "text", "kind"], json!({
            "article": s(), "start": int(), "end": int(), "text": s(),
            "kind": {"type": "string", "enum": ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "MISC"]},
            "actor": s(), "role": obj(&["title"], json!({"title": s(), "of": s()})),
            "candidates": {"type": "array", "items": obj(&["actor", "score"], json!({"actor": s(), "score": {"type": "number"}}))}})),
        "Actor": obj(&["id", "name", "kind"], json!({
            "id": s(), "name": s(), "kind": s(), "aliases": strings(), "country": s(),
            "roles": {"type": "array", "items": reference("Role")}})),
        "Role": obj(&["title"], json!({"title": s(), "of": s(), "from": s(), "to": s(),
            "source": {"type": "string", "enum": ["kb", "article"]}, "evidence": {"type": "array", "items": {"type": "object"}}})),
        "Timex": obj(&["article", "start", "end", "text", "type", "value"], json!({
            "article": s(), "start": int(), "end": int(), "text": s(),
            "type": {"type": "string", "enum": ["DATE", "TIME", "DURATION", "SET"]}, "value": s(), "mod": s()})),
        "Event": obj(&["id", "article", "start", "end", "type", "modality"], event_props),
        "EventRow": obj(&["id", "article", "type", "modality", "article_title", "evidence"], event_row),
        "Quote": obj(&["article", "start", "end", "text"], json!({
            "article": s(), "start": int(), "end": int(), "text": s(), "speaker": s(), "cue": s(), "attributed_to": strings()})),
        "Quantity": obj(&["article", "start", "end", "text", "value"], json!({
            "article": s(), "start": int(), "end": int(), "text": s(), "value": {"type": "number"},
            "approx": {"type": "string", "enum": ["more_than", "less_than", "about", "at_least", "up_to"]},
            "unit": s(), "measure": s(), "subject": s(), "period": s(), "attributed_to": strings()}))
    });
    let part2 = json!({
        "ArticleDetail": obj(&["article", "sentences", "mentions", "actors", "timexes", "events", "quotes", "quantities"], json!({
            "article": reference("Article"),
            "sentences": {"type": "array", "items": obj(&["index", "start", "end"], json!({"index": int(), "start": int(), "end": int()}))},
            "mentions": array_of("Mention"), "actors": array_of("Actor"), "timexes": array_of("Timex"),
            "events": array_of("Event"), "quotes": array_of("Quote"), "quantities": array_of("Quantity"),
            "story": {"oneOf": [{"type": "null"}, obj(&["id", "title"], json!({"id": s(), "title": s()}))]}})),
        "Hit": obj(&["id", "title", "source", "published", "score", "snippet", "highlights"], json!({
            "id": s(), "title": s(), "source": s(), "published": ns(), "score": {"type": "number"},
            "snippet": {"type": "string", "description": "Plain text around the matches"},
            "highlights": {"type": "array", "description": "Byte ranges [start, end) of matched terms in the snippet",
                           "items": {"type": "array", "items": int(), "minItems": 2, "maxItems": 2}}})),
        "ActorRow": obj(&["id", "name", "kind", "origin", "mention_count", "article_count"], json!({
            "id": s(), "name": s(), "kind": s(), "aliases": strings(), "country": s(),
            "roles": {"type": "array", "items": reference("Role")},
            "origin": {"type": "string", "enum": ["kb", "derived"]},
            "mention_count": int(), "article_count": int(),
            "names": {"type": "array", "items": {"type": "array", "prefixItems": [s(), int()]}}})),
        "ActorDetail": {"allOf": [reference("ActorRow"), obj(&["mentions", "relations", "events_as_source", "events_as_target"], json!({
            "mentions": {"type": "array", "items": {"allOf": [reference("Mention"), obj(&[], json!({
                "as_candidate": {"type": "boolean"}, "article_title": s(), "article_published": ns(), "sentence": ns()}))]}},
            "mentions_total": int(),
            "relations": {"type": "array", "items": obj(&["actor", "name", "outgoing", "incoming", "types"], json!({
                "actor": s(), "name": s(), "outgoing": int(), "incoming": int(),
                "types": {"type": "object", "additionalProperties": {"type": "integer"}}}))},
            "events_as_source": array_of("EventRow"), "events_as_target": array_of("EventRow"),
            "names": {"type": "object", "additionalProperties": {"type": "string"}}}))]},
        "ActorRef": obj(&["id", "name"], json!({"id": s(), "name": s()}))
    });
    let part3 = json!({
        "StoryRow": obj(&["id", "title", "size", "events", "actors"], json!({
            "id": s(), "title": s(), "first": ns(), "last": ns(), "size": int(), "events": int(),
            "actors": array_of("ActorRef")})),
        "MergedEvent": obj(&["id", "type", "modality", "reports"], json!({
            "id": s(), "story": s(), "type": s(), "mode": s(), "source": strings(), "target": strings(),
            "place": strings(), "time": s(), "modality": s(), "reports": int(), "origins": strings(),
            "conflicts": strings(), "confidence": {"type": "number"}, "first_reported": s(), "last_reported": s(),
            "evidence": {"type": "array", "items": obj(&["event", "article", "outlet", "origin", "modality"], json!({
                "event": s(), "article": s(), "outlet": s(), "origin": s(), "modality": s(), "time": s()}))}})),
        "Series": obj(&["id", "measure", "points", "flags"], json!({
            "id": s(), "measure": s(), "subject": s(), "flags": strings(),
            "points": {"type": "array", "items": obj(&["value", "time", "article", "quantity"], json!({
                "value": {"type": "number"}, "time": s(), "article": s(), "quantity": int(),
                "outlet": s(), "attributed_to": strings(), "approx": s()}))}})),
        "StoryView": obj(&["story", "actors", "articles", "timeline", "series", "graph", "names"], json!({
            "story": obj(&["id", "title", "articles"], json!({"id": s(), "title": s(), "articles": strings(),
                "events": strings(), "actors": strings(), "first": s(), "last": s()})),
            "actors": array_of("ActorRef"), "articles": array_of("ArticleRow"),
            "timeline": array_of("MergedEvent"), "series": array_of("Series"),
            "reported_figures": array_of("Series"),
            "graph": obj(&["nodes", "edges"], json!({
                "nodes": {"type": "array", "items": obj(&["id", "name", "events"], json!({"id": s(), "name": s(), "events": int()}))},
                "edges": {"type": "array", "items": obj(&["source", "target", "count", "types"], json!({
                    "source": s(), "target": s(), "count": int(),
                    "types": {"type": "object", "additionalProperties": {"type": "integer"}}}))}})),
            "names": {"type": "object", "additionalProperties": {"type": "string"}}}))
    });
    let mut all = serde_json::Map::new();
    for part in [part1, part2, part3] {
        if let Value::Object(m) = part {
            all.extend(m);
        }
    }
    Value::Object(all)
}

/// The OpenAPI document.
pub fn document() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "newsgraph API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Articles, actors, events, stories and series extracted from news. \
                Errors are JSON: {\"error\": {\"status\": <code>, \"message\": <what was wrong>}}. \
                Listings page with `limit` and `after` (the `next` cursor of the previous page)."
        },
        "paths": paths(),
        "components": {
            "schemas": schemas(),
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                "description": "The token given to `newsgraph serve --token` (or NEWSGRAPH_TOKEN)"}}
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_describes_exactly_the_routes() {
        let doc = document();
        let paths = doc["paths"].as_object().unwrap();
        let mut described: Vec<(String, String)> = paths
            .iter()
            .flat_map(|(p, ops)| {
                ops.as_object()
                    .unwrap()
                    .keys()
                    .map(move |m| (m.clone(), p.clone()))
            })
            .collect();
        described.sort();
        let mut routes: Vec<(String, String)> = API_ROUTES
            .iter()
            .map(|(m, p)| (m.to_string(), p.to_string()))
            .collect();
        routes.sort();
        assert_eq!(described, routes);
    }

    #[test]
    fn every_reference_resolves() {
        let doc = document();
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for (i, _) in text.match_indices("#/components/schemas/") {
            let rest = &text[i + "#/components/schemas/".len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
            assert!(schemas.contains_key(&name), "dangling $ref {name}");
        }
    }

    #[test]
    fn every_operation_has_an_id_and_a_success_answer() {
        let doc = document();
        for (path, ops) in doc["paths"].as_object().unwrap() {
            for (method, op) in ops.as_object().unwrap() {
                assert!(op["operationId"].is_string(), "{method} {path}");
                let r = op["responses"].as_object().unwrap();
                assert!(
                    r.keys().any(|k| k.starts_with('2')),
                    "{method} {path} has no 2xx"
                );
            }
        }
    }
}
