import BeadsCommands
import Foundation

exit(await BeadsCommand.runMain())
