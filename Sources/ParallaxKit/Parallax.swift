/// The version of Parallax, as reported in the JSON report's `tool.version`.
public let parallaxVersion = "0.1.0"
