package econsim

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	evaluationtypes "github.com/don-network/don/x/evaluation/types"
	minttypes "github.com/don-network/don/x/mint/types"
	optimatypes "github.com/don-network/don/x/optima/types"
	weightstypes "github.com/don-network/don/x/weights/types"
)

// DeliverMsg delivers any Msg of DON's four modules through its Msg server,
// like Deliver, and returns the handler's response: it replays a message
// taken from elsewhere (a real node's transaction, decoded) without the
// caller naming the handler. Any other Msg is refused.
func DeliverMsg(w *World, msg sdk.Msg) (any, error) {
	switch m := msg.(type) {
	case *optimatypes.MsgRegisterModel:
		return Deliver(w, w.OptimaMsg.RegisterModel, m)
	case *optimatypes.MsgRetireModel:
		return Deliver(w, w.OptimaMsg.RetireModel, m)
	case *optimatypes.MsgCommitOptimum:
		return Deliver(w, w.OptimaMsg.CommitOptimum, m)
	case *optimatypes.MsgRevealOptimum:
		return Deliver(w, w.OptimaMsg.RevealOptimum, m)
	case *optimatypes.MsgAdmitModel:
		return Deliver(w, w.OptimaMsg.AdmitModel, m)
	case *optimatypes.MsgRollbackOptimum:
		return Deliver(w, w.OptimaMsg.RollbackOptimum, m)
	case *optimatypes.MsgUpdateParams:
		return Deliver(w, w.OptimaMsg.UpdateParams, m)
	case *evaluationtypes.MsgRegisterEvaluator:
		return Deliver(w, w.EvaluationMsg.RegisterEvaluator, m)
	case *evaluationtypes.MsgAddCollateral:
		return Deliver(w, w.EvaluationMsg.AddCollateral, m)
	case *evaluationtypes.MsgUnbondEvaluator:
		return Deliver(w, w.EvaluationMsg.UnbondEvaluator, m)
	case *evaluationtypes.MsgRequestEvaluation:
		return Deliver(w, w.EvaluationMsg.RequestEvaluation, m)
	case *evaluationtypes.MsgClaimRequest:
		return Deliver(w, w.EvaluationMsg.ClaimRequest, m)
	case *evaluationtypes.MsgSubmitResult:
		return Deliver(w, w.EvaluationMsg.SubmitResult, m)
	case *evaluationtypes.MsgChallengeResult:
		return Deliver(w, w.EvaluationMsg.ChallengeResult, m)
	case *evaluationtypes.MsgCancelRequest:
		return Deliver(w, w.EvaluationMsg.CancelRequest, m)
	case *evaluationtypes.MsgUpdateParams:
		return Deliver(w, w.EvaluationMsg.UpdateParams, m)
	case *weightstypes.MsgUpdateParams:
		return Deliver(w, w.WeightsMsg.UpdateParams, m)
	case *minttypes.MsgUpdateParams:
		return Deliver(w, w.MintMsg.UpdateParams, m)
	default:
		return nil, fmt.Errorf("%s is not a Msg of DON's modules", sdk.MsgTypeURL(msg))
	}
}
