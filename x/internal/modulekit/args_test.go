package modulekit_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/don-network/don/x/internal/modulekit"
)

func TestParseID(t *testing.T) {
	id, err := modulekit.ParseID("model-id", "42")
	require.NoError(t, err)
	require.Equal(t, uint64(42), id)
	_, err = modulekit.ParseID("model-id", "abc")
	require.EqualError(t, err, `model-id: "abc" is not a number`)
	_, err = modulekit.ParseID("commit-id", "-1")
	require.EqualError(t, err, `commit-id: "-1" is not a number`)
	_, err = modulekit.ParseID("request-id", "99999999999999999999")
	require.EqualError(t, err, `request-id: "99999999999999999999" is out of range`)
}
