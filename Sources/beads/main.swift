import BeadsCommands

await BeadsCommand.main()
