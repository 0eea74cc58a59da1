/// One libyaml parsing event, copied out of C memory into Swift values.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(SourceMark)
    case documentEnd
    case alias(anchor: String, mark: SourceMark)
    case scalar(YAMLScalar, anchor: String?, tag: String?, mark: SourceMark)
    case sequenceStart(anchor: String?, tag: String?, mark: SourceMark)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String?, mark: SourceMark)
    case mappingEnd
}
