// Package cmd builds the dond command tree: node, genesis, keys, queries and
// transactions (autocli plus DON's hand-written helpers).
package cmd

import (
	"os"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/depinject"
	"cosmossdk.io/log/v2"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/don-network/don/app"
)

// NewRootCmd returns the root command of dond.
func NewRootCmd() *cobra.Command {
	var (
		autoCliOpts  autocli.AppOptions
		basicManager module.BasicManager
		clientCtx    client.Context
	)
	if err := depinject.Inject(
		depinject.Configs(app.AppConfig,
			depinject.Supply(log.NewNopLogger()),
			depinject.Provide(ProvideClientContext),
		),
		&autoCliOpts,
		&basicManager,
		&clientCtx,
	); err != nil {
		panic(err)
	}

	rootCmd := &cobra.Command{
		Use:           app.AppName,
		Short:         "DON: the Decentralized Optimization Network node and CLI",
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())
			if err := checkFeeFlags(cmd); err != nil {
				return err
			}

			ctx := clientCtx.WithCmdContext(cmd.Context()).WithViper("")
			ctx, err := client.ReadPersistentCommandFlags(ctx, cmd.Flags())
			if err != nil {
				return err
			}
			if ctx, err = config.ReadFromClientConfig(ctx); err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(ctx, cmd); err != nil {
				return err
			}
			appTemplate, appConfig := initAppConfig()
			return server.InterceptConfigsPreRunHandler(cmd, appTemplate, appConfig, initCometBFTConfig())
		},
	}

	initRootCmd(rootCmd, clientCtx.TxConfig, basicManager)

	autoCliOpts.ClientCtx = clientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	friendlyErrors(rootCmd)
	return rootCmd
}

// ProvideClientContext builds the client context from the app codecs.
func ProvideClientContext(
	appCodec codec.Codec,
	interfaceRegistry codectypes.InterfaceRegistry,
	txConfig client.TxConfig,
	legacyAmino *codec.LegacyAmino,
) client.Context {
	clientCtx := client.Context{}.
		WithCodec(appCodec).
		WithInterfaceRegistry(interfaceRegistry).
		WithTxConfig(txConfig).
		WithLegacyAmino(legacyAmino).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithHomeDir(app.DefaultNodeHome).
		WithViper("")

	// Read the client config file so autocli sees chain-id, node and keyring.
	clientCtx, err := config.ReadDefaultValuesFromDefaultClientConfig(clientCtx)
	if err != nil {
		panic(err)
	}
	return clientCtx
}
