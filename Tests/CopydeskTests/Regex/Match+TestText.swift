import Copydesk

extension Match {
    /// The matched text of the whole match, for readable assertions.
    func text(in subject: String) -> String {
        String(decoding: Array(subject.utf8)[range], as: UTF8.self)
    }

    /// The text of `group`, or nil when the group is unset.
    func text(ofGroup group: Int, in subject: String) -> String? {
        self[group].map { String(decoding: Array(subject.utf8)[$0], as: UTF8.self) }
    }
}
