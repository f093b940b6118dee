package serve

import (
	"net/http"
	"reflect"
	"strings"

	"github.com/chronicle-history/chronicle/internal/store"
)

// schemaTypes are the Go types behind each named response, from which the
// OpenAPI schemas are derived (so they follow the code).
func schemaTypes() map[string]reflect.Type {
	return map[string]reflect.Type{
		"Health":       reflect.TypeFor[Health](),
		"Stats":        reflect.TypeFor[store.Stats](),
		"DocumentList": reflect.TypeFor[store.DocumentList](),
		"Document":     reflect.TypeFor[store.Document](),
		"SentenceList": reflect.TypeFor[SentenceList](),
		"Annotations":  reflect.TypeFor[store.Annotations](),
		"EventList":    reflect.TypeFor[store.EventList](),
		"EventContext": reflect.TypeFor[store.EventContext](),
		"ActorList":    reflect.TypeFor[store.ActorList](),
		"Actor":        reflect.TypeFor[store.Actor](),
		"TreatyList":   reflect.TypeFor[store.TreatyList](),
		"TenureList":   reflect.TypeFor[store.TenureList](),
		"Series":       reflect.TypeFor[store.Series](),
		"Network":      reflect.TypeFor[store.Network](),
		"SearchResult": reflect.TypeFor[store.SearchResult](),
		"IngestResult": reflect.TypeFor[UploadResult](),
		"Deleted":      reflect.TypeFor[Deleted](),
	}
}

// schemaOf describes t as an OpenAPI (JSON Schema) object.
func schemaOf(t reflect.Type, depth int) map[string]any {
	if depth > 8 {
		return map[string]any{"type": "object"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		s := schemaOf(t.Elem(), depth+1)
		s["nullable"] = true
		return s
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), depth+1)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), depth+1)}
	case reflect.Struct:
		props := map[string]any{}
		addFields(t, props, depth)
		return map[string]any{"type": "object", "properties": props}
	}
	return map[string]any{}
}

func addFields(t reflect.Type, props map[string]any, depth int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				inner := map[string]any{}
				addFields(ft, inner, depth+1)
				for k, v := range inner {
					if _, taken := props[k]; !taken {
						props[k] = v // outer fields win, as in encoding/json
					}
				}
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		props[name] = schemaOf(f.Type, depth+1)
	}
}

// OpenAPI builds the OpenAPI 3.0 description of the API from the routes.
func (s *Server) OpenAPI() map[string]any {
	paths := map[string]any{}
	for _, rt := range s.routes {
		item, _ := paths[rt.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.path] = item
		}
		var params []any
		for _, p := range rt.params {
			sch := map[string]any{"type": p.typ}
			if p.list {
				sch = map[string]any{"type": "array", "items": map[string]any{"type": p.typ}}
			}
			pp := map[string]any{"name": p.name, "in": p.in, "description": p.desc, "required": p.required || p.in == "path", "schema": sch}
			if p.list {
				pp["style"], pp["explode"] = "form", true
			}
			params = append(params, pp)
		}
		resp := map[string]any{"$ref": "#/components/schemas/" + rt.returns}
		if rt.returns == "object" {
			resp = map[string]any{"type": "object"}
		}
		okStatus := "200"
		if rt.method == "POST" {
			okStatus = "201"
		}
		responses := map[string]any{
			okStatus: map[string]any{"description": "success", "content": map[string]any{"application/json": map[string]any{"schema": resp}}},
			"400":    errResp("a parameter is malformed, unknown or missing"),
			"500":    errResp("the store failed; nothing was half-written"),
		}
		if strings.Contains(rt.path, "{id}") {
			responses["404"] = errResp("no such " + strings.Split(strings.TrimPrefix(rt.path, "/api/"), "/")[0])
		}
		op := map[string]any{"summary": rt.summary, "operationId": operationID(rt), "responses": responses}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if rt.write {
			op["security"] = []any{map[string]any{"bearer": []any{}}}
			responses["401"] = errResp("missing or wrong token")
			responses["403"] = errResp("writes are disabled on this server (no token configured)")
			responses["503"] = errResp("the store is read-only")
			responses["507"] = errResp("the store's disk is full")
			if rt.method == "POST" {
				responses["200"] = map[string]any{"description": "the same bytes were stored already", "content": map[string]any{"application/json": map[string]any{"schema": resp}}}
				responses["413"] = errResp("the article is larger than the upload limit")
				op["requestBody"] = map[string]any{"required": true, "description": rt.body,
					"content": map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}},
						"text/html": map[string]any{"schema": map[string]any{"type": "string"}}}}
			}
		}
		item[strings.ToLower(rt.method)] = op
	}
	schemas := map[string]any{"Error": map[string]any{"type": "object", "required": []string{"error"},
		"properties": map[string]any{"error": map[string]any{"type": "string"}}}}
	for name, t := range schemaTypes() {
		schemas[name] = schemaOf(t, 0)
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "chronicle API", "version": "1",
			"description": "A dated, sourced, queryable record read from narrative history: events (PLOVER), actors, treaties, tenures, relations. Offsets are byte offsets into the original file (start/end) and into the document's clean text (clean_start/clean_end). See docs/API.md."},
		"paths": paths,
		"components": map[string]any{"schemas": schemas,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}}},
	}
}

func errResp(desc string) map[string]any {
	return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
}

func operationID(rt route) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(rt.method))
	for _, part := range strings.Split(strings.TrimPrefix(rt.path, "/api/"), "/") {
		part = strings.Trim(part, "{}")
		part = strings.ReplaceAll(part, ".", "_")
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) (any, int, error) {
	return s.OpenAPI(), http.StatusOK, nil
}
