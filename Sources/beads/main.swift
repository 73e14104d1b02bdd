import BeadsCommands
import BeadsRemedy
import Foundation

// The CLI runs its children one at a time, so every orphan one leaves is that child's
// to answer for: adopt them, so a time-out or Ctrl-C can end them too.
ProcessTree.adoptOrphans()
exit(await BeadsCommand.runMain())
