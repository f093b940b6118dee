package cli

import (
	"context"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/store"
)

// storeRelationsEvents reads from the store the events between a and b
// (names, aliases and codes are resolved to the stored actor ids), so that
// `relations --db` computes the index with the same function as from files.
// It returns the ids the index should use for a and b.
func storeRelationsEvents(ctx context.Context, env *Env, o *dbOptions, a, b string) ([]doc.Event, string, string, error) {
	st, err := o.open(ctx, env)
	if err != nil {
		return nil, "", "", err
	}
	defer st.Close()
	one := func(name string) (string, error) {
		ids, err := st.ResolveActor(ctx, name)
		if err != nil {
			return "", err
		}
		if len(ids) == 0 {
			return "", usagef("no stored actor is called %q (try an id, a state code like DEU, a name or an alias)", name)
		}
		if len(ids) > 1 {
			for _, id := range ids {
				if id == name {
					return id, nil
				}
			}
			return "", usagef("%q names several stored actors (%v): give one id", name, ids)
		}
		return ids[0], nil
	}
	if a, err = one(a); err != nil {
		return nil, "", "", err
	}
	if b, err = one(b); err != nil {
		return nil, "", "", err
	}
	var events []doc.Event
	err = st.EachEvent(ctx, store.EventFilter{Pair: [2]string{a, b}}, func(e *store.Event) error {
		events = append(events, e.Doc())
		return nil
	})
	if err != nil {
		return nil, "", "", storeErr(err)
	}
	return events, a, b, nil
}
