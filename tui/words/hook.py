"""Words of the hooks (store/hooks.py), as the command line and the app say them."""

WORDS = {
    "hook.not_executable": (
        "hook {name} was not run: {path} is not executable (chmod +x it); the save stands.",
        "钩子 {name} 没有运行：{path} 不可执行（请 chmod +x）；保存不受影响。",
    ),
    "hook.not_started": (
        "hook {name} could not be started: {detail}; the save stands.",
        "钩子 {name} 无法启动：{detail}；保存不受影响。",
    ),
    "hook.timeout": (
        "hook {name} was stopped after {seconds} s (OKR_HOOK_TIMEOUT); the save stands.",
        "钩子 {name} 运行超过 {seconds} 秒被停止（OKR_HOOK_TIMEOUT）；保存不受影响。",
    ),
    "hook.failed": (
        "hook {name} failed with exit status {status}{detail}; the save stands.",
        "钩子 {name} 失败，退出状态 {status}{detail}；保存不受影响。",
    ),
}
