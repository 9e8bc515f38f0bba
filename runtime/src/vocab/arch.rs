//! CPU architectures a gate can be declared for.

use crate::vocab::vocabulary::vocabulary;

vocabulary! {
    /// A CPU architecture, spelled as Kubernetes node labels spell it
    /// (`kubernetes.io/arch`). Parsing also takes the compiler's names
    /// (`x86_64`, `aarch64`, `powerpc64le`, `riscv64gc`), ignoring case.
    Arch, "architecture" {
        /// 64-bit x86 (`x86_64`).
        Amd64 = "amd64" | "x86_64" | "x86-64" | "x64",
        /// 64-bit Arm (`aarch64`).
        Arm64 = "arm64" | "aarch64",
        /// IBM Z.
        S390x = "s390x",
        /// 64-bit little-endian POWER.
        Ppc64le = "ppc64le" | "powerpc64le",
        /// 64-bit RISC-V.
        Riscv64 = "riscv64" | "riscv64gc",
    }
}

impl Arch {
    /// The architecture this program was compiled for, if it is one of ours.
    #[must_use]
    pub const fn current() -> Option<Arch> {
        if cfg!(target_arch = "x86_64") {
            Some(Arch::Amd64)
        } else if cfg!(target_arch = "aarch64") {
            Some(Arch::Arm64)
        } else if cfg!(target_arch = "s390x") {
            Some(Arch::S390x)
        } else if cfg!(all(target_arch = "powerpc64", target_endian = "little")) {
            Some(Arch::Ppc64le)
        } else if cfg!(target_arch = "riscv64") {
            Some(Arch::Riscv64)
        } else {
            None
        }
    }

    /// Position in [`Arch::ALL`].
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::Arch;

    #[test]
    fn spellings_round_trip() {
        for arch in Arch::ALL {
            assert_eq!(arch.to_string().parse::<Arch>(), Ok(arch));
        }
    }

    #[test]
    fn compiler_names_and_case_are_accepted() {
        assert_eq!("x86_64".parse::<Arch>(), Ok(Arch::Amd64));
        assert_eq!("AArch64".parse::<Arch>(), Ok(Arch::Arm64));
        assert_eq!("AMD64".parse::<Arch>(), Ok(Arch::Amd64));
    }

    #[test]
    fn unknown_names_suggest() {
        let err = "s390".parse::<Arch>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown architecture `s390`; did you mean `s390x`?"
        );
        let err = "aarch46".parse::<Arch>().unwrap_err();
        assert_eq!(err.suggestion(), Some("arm64"));
        let err = "mips".parse::<Arch>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown architecture `mips`; expected one of: amd64, arm64, s390x, ppc64le, riscv64"
        );
    }

    #[test]
    fn current_is_known_here() {
        // CI and development machines are x86_64 or aarch64.
        assert!(Arch::current().is_some());
    }
}
