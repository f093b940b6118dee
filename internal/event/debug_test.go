package event

import (
	"testing"
)

func TestDebugPassage(t *testing.T) {
	for _, src := range []string{
		"On {June 22, 1941|1941-06-22}, [Germany|DEU] invaded [the Soviet Union|SUN].",
		"The Treaty of Rapallo between [Weimar Germany|DEU] and [Soviet Russia|SUN] was signed by [German|DEU] Foreign Minister [Walther Rathenau|p:DEU] and his [Soviet|SUN] colleague [Georgy Chicherin|p:SUN] on {April 16, 1922|1922-04-16}.",
		"[Germany|DEU] never responded to the counterproposal of [Stalin|p:SUN] in {1940|1940}.",
		"In {1925|1925}, the [German|DEU] invasion of [Poland|POL] was planned.",
	} {
		for _, e := range coded(t, src) {
			t.Logf("%s %s/%s %s actor=%v recip=%v date=%+v mod=%s name=%q trig=%q", e.ID, e.Type, e.Mode, e.Subtype, e.Actor, e.Recipient, e.Date, e.Modality, e.Name, e.Trigger.Text)
		}
	}
}
