/// How a bead's status moves, in one place for every command (close, reopen, update,
/// claim): what a status change does to `closed_at` and `close_reason`, and who may
/// take a bead. `updated_at` is the store's business: it is set on every write that
/// changes the bead (`BeadStore.update`).
extension Bead {
    /// Moves to `status`. Closing stamps `closed_at` the first time and keeps an earlier
    /// stamp when the bead was closed already; a reason replaces the old one. Any other
    /// status clears both, as bd does when a bead is reopened.
    public mutating func setStatus(_ new: BeadStatus, at time: String, reason: String? = nil) {
        if new == .closed {
            if status != .closed || closedAt == nil { closedAt = time }
            if let reason { closeReason = reason }
        } else {
            closedAt = nil
            closeReason = nil
        }
        status = new
    }

    /// Takes the bead for `actor`: assigned to them and in progress, unless someone else
    /// holds an unfinished one. Made inside the write transaction, so two claims cannot
    /// both win.
    public mutating func claim(by actor: String, at time: String) throws(StoreError) {
        if let holder = assignee, holder != actor, !isClosed {
            throw StoreError.invalidField(field: "assignee", reason: "\(id) is already claimed by \(holder)")
        }
        assignee = actor
        setStatus(.inProgress, at: time)
    }

    /// Equal in everything but `updated_at`: whether a change changed anything.
    func sameContent(as other: Bead) -> Bool {
        var other = other
        other.updatedAt = updatedAt
        return self == other
    }
}
